namespace RiskGrpc.Backtesting;

/// <summary>Progress of a run: allocation decisions made over all strategies, and the strategy that made the last one.</summary>
public readonly record struct BacktestProgress(int CompletedDecisions, int TotalDecisions, string Strategy);
