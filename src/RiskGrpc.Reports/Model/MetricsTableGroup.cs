namespace RiskGrpc.Reports.Model;

/// <summary>A group of rows of the metrics table (QuantStats separates them with a rule).</summary>
public sealed record MetricsTableGroup(IReadOnlyList<MetricsTableRow> Rows);
