namespace RiskGrpc.Engine.Metrics;

/// <summary>A metric that can be computed over a rolling window.</summary>
public enum RollingMetricKind
{
    /// <summary>Annualised sharpe of each window.</summary>
    Sharpe = 1,

    /// <summary>Annualised volatility of each window.</summary>
    Volatility = 2,

    /// <summary>Sortino of each window.</summary>
    Sortino = 3,

    /// <summary>Beta against the benchmark of each window; needs a benchmark.</summary>
    Beta = 4,

    /// <summary>Maximum drawdown within each window.</summary>
    MaxDrawdown = 5,
}
