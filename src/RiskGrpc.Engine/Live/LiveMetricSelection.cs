namespace RiskGrpc.Engine.Live;

/// <summary>Metric groups a portfolio's updates carry.</summary>
[Flags]
public enum LiveMetricSelection
{
    /// <summary>No selection (in a configuration change: keep the current one).</summary>
    None = 0,

    /// <summary>Annualised volatility.</summary>
    Volatility = 1,

    /// <summary>Annualised sharpe.</summary>
    Sharpe = 2,

    /// <summary>Sortino.</summary>
    Sortino = 4,

    /// <summary>Max and current drawdown.</summary>
    Drawdown = 8,

    /// <summary>VaR and CVaR per confidence level.</summary>
    TailRisk = 16,

    /// <summary>Beta against the streamed benchmark.</summary>
    Beta = 32,

    /// <summary>Exposure and P&amp;L of position-defined portfolios.</summary>
    Positions = 64,

    /// <summary>Everything.</summary>
    All = Volatility | Sharpe | Sortino | Drawdown | TailRisk | Beta | Positions,
}
