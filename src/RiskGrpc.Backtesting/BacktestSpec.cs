using RiskGrpc.Optimization.Data;

namespace RiskGrpc.Backtesting;

/// <summary>
/// What to backtest on: periodic simple returns (rows are dates, NaN = no data yet), the rebalancing calendar, the
/// lookback an allocator may use, transaction costs in basis points of turnover (Σ|Δw|) and weight bounds.
/// </summary>
public sealed record BacktestSpec
{
    /// <summary>Simple returns, one column per asset, rows labelled by ISO dates in increasing order.</summary>
    public required AssetTable Returns { get; init; }

    /// <summary>Rebalancing calendar.</summary>
    public RebalanceSchedule Schedule { get; init; } = RebalanceSchedule.Monthly;

    /// <summary>Rows of history handed to window-based allocators; the first rebalance needs this many rows.</summary>
    public int Lookback { get; init; } = 252;

    /// <summary>Cost charged on each rebalance, in basis points of turnover.</summary>
    public double CostBps { get; init; } = 10;

    /// <summary>Annual risk-free rate (optimizers and metrics).</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Periods per year of the rows.</summary>
    public double PeriodsPerYear { get; init; } = 252;

    /// <summary>Lower bound of every weight.</summary>
    public double MinWeight { get; init; }

    /// <summary>Upper bound of every weight.</summary>
    public double MaxWeight { get; init; } = 1;

    /// <summary>Label horizon of supervised strategies, in rows.</summary>
    public int Horizon { get; init; } = 21;
}
