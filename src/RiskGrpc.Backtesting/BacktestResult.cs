namespace RiskGrpc.Backtesting;

/// <summary>Every strategy's result, in request order, and the Sharpe comparisons against the baseline.</summary>
public sealed record BacktestResult(IReadOnlyList<StrategyResult> Strategies, IReadOnlyList<SharpeComparison> Comparisons);
