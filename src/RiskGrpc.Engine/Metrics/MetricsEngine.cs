namespace RiskGrpc.Engine.Metrics;

/// <summary>Creates the <see cref="IMetricsEngine"/> implementation.</summary>
public static class MetricsEngine
{
    /// <summary>Creates an engine enforcing <paramref name="limits"/> (defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public static IMetricsEngine Create(MetricsLimits? limits = null)
    {
        limits ??= new MetricsLimits();
        limits.Validate();
        return new PooledMetricsEngine(limits);
    }
}
