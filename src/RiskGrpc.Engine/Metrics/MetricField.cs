namespace RiskGrpc.Engine.Metrics;

/// <summary>A catalogue entry: the snake_case <paramref name="Name"/> and how to read it from a <typeparamref name="T"/>.</summary>
public sealed record MetricField<T>(string Name, MetricGetter<T> Get)
    where T : struct;
