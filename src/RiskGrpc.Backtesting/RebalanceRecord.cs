namespace RiskGrpc.Backtesting;

/// <summary>One rebalance: the target weights (spec column order, 0 outside the universe), turnover Σ|w − w_drifted| and its cost.</summary>
public sealed record RebalanceRecord(string Date, int Row, double[] Weights, double Turnover, double Cost, string? Note);
