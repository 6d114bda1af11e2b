namespace RiskGrpc.Engine.Metrics;

/// <summary>A rolling metric: <c>Values[i]</c> is the metric over used rows [i, i + window).</summary>
public sealed record MetricsRollingSeries(RollingMetricKind Metric, int Window, double[] Values);
