namespace RiskGrpc.Backtesting;

/// <summary>When a backtest rebalances.</summary>
public enum RebalanceFrequency
{
    /// <summary>Every N rows from the first possible date.</summary>
    EveryN,

    /// <summary>The last row of every ISO week.</summary>
    Weekly,

    /// <summary>The last row of every calendar month.</summary>
    Monthly,
}
