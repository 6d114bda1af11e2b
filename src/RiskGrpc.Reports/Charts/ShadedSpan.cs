namespace RiskGrpc.Reports.Charts;

/// <summary>An x interval shaded behind the series (a drawdown period), with a tooltip label.</summary>
internal readonly record struct ShadedSpan(double X0, double X1, string Label);
