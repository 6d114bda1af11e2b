namespace RiskGrpc.Backtesting;

/// <summary>
/// Sharpe ratio of <see cref="Strategy"/> minus that of <see cref="Baseline"/> on the same dates (annualised), with a
/// stationary-bootstrap percentile interval and p-value and the Jobson-Korkie test with Memmel's correction.
/// </summary>
public sealed record SharpeComparison
{
    /// <summary>The strategy compared.</summary>
    public required string Strategy { get; init; }

    /// <summary>The strategy compared against.</summary>
    public required string Baseline { get; init; }

    /// <summary>Annualised Sharpe of <see cref="Strategy"/>.</summary>
    public required double StrategySharpe { get; init; }

    /// <summary>Annualised Sharpe of <see cref="Baseline"/>.</summary>
    public required double BaselineSharpe { get; init; }

    /// <summary>StrategySharpe − BaselineSharpe.</summary>
    public required double Difference { get; init; }

    /// <summary>Lower end of the bootstrap interval of the difference.</summary>
    public required double IntervalLow { get; init; }

    /// <summary>Upper end of the bootstrap interval of the difference.</summary>
    public required double IntervalHigh { get; init; }

    /// <summary>Confidence level of the interval.</summary>
    public required double Confidence { get; init; }

    /// <summary>Two-sided bootstrap p-value of "equal Sharpe ratios" (share of centred resampled differences at least as extreme).</summary>
    public required double BootstrapPValue { get; init; }

    /// <summary>Jobson-Korkie-Memmel z statistic.</summary>
    public required double MemmelZ { get; init; }

    /// <summary>Two-sided p-value of the Jobson-Korkie-Memmel test.</summary>
    public required double MemmelPValue { get; init; }

    /// <summary>Bootstrap resamples drawn.</summary>
    public required int Resamples { get; init; }

    /// <summary>Mean block length of the stationary bootstrap, in periods.</summary>
    public required double MeanBlockLength { get; init; }

    /// <summary>Seed of the bootstrap's random numbers.</summary>
    public required int Seed { get; init; }
}
