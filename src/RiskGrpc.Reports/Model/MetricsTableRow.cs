namespace RiskGrpc.Reports.Model;

/// <summary>
/// One row of the key performance metrics table, in QuantStats' order. <see cref="Metric"/> is the catalogue name (or
/// <c>name@scope</c> when the catalogue metric was computed over monthly/yearly returns or a trailing window);
/// <see cref="Format"/> is <c>percent</c>, <c>ratio</c>, <c>count</c>, <c>periods</c>, <c>days</c> or <c>date</c>.
/// Values are null where the side has no value (no benchmark, relative metrics); date rows use the text fields.
/// </summary>
public sealed record MetricsTableRow(string Label, string Metric, string Format, double? Strategy, double? Benchmark, string? StrategyText = null, string? BenchmarkText = null);
