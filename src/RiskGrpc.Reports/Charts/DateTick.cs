namespace RiskGrpc.Reports.Charts;

/// <summary>One tick of a time axis: its instant and its label.</summary>
internal readonly record struct DateTick(DateTime Time, string Label);
