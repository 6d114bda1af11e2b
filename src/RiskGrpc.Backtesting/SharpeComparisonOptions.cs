namespace RiskGrpc.Backtesting;

/// <summary>How Sharpe ratios are compared: the baseline strategy and the bootstrap's settings.</summary>
public sealed record SharpeComparisonOptions
{
    /// <summary>Strategy every other one is compared with; null means the first strategy.</summary>
    public string? Baseline { get; init; }

    /// <summary>Bootstrap resamples.</summary>
    public int Resamples { get; init; } = 2000;

    /// <summary>Mean block length of the stationary bootstrap; 0 means ⌈T^(1/3)⌉.</summary>
    public double MeanBlockLength { get; init; }

    /// <summary>Confidence level of the interval.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Seed of the resampling, for reproducible intervals.</summary>
    public int Seed { get; init; } = 20261204;
}
