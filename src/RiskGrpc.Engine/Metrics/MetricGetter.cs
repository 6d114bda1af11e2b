namespace RiskGrpc.Engine.Metrics;

/// <summary>Reads one named scalar out of a kernel result struct (by reference: the structs are large).</summary>
public delegate double MetricGetter<T>(in T metrics)
    where T : struct;
