namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// The metric engine facade every front end calls (gRPC, CLI, live risk): validates a request, applies the NaN
/// policy and runs the kernels on pooled scratch. Thread-safe; one instance serves the whole process.
/// </summary>
public interface IMetricsEngine
{
    /// <summary>The limits this engine enforces.</summary>
    MetricsLimits Limits { get; }

    /// <summary>Computes every metric of one series.</summary>
    /// <exception cref="MetricsValidationException">The request is invalid (names the field and index).</exception>
    /// <exception cref="LimitExceededException">The request exceeds <see cref="Limits"/>.</exception>
    MetricsResult Compute(MetricsRequest request);

    /// <summary>
    /// Computes many series in parallel over all cores. A failing series gets its own <see cref="MetricsBatchItem.Error"/>;
    /// the others still answer. Results are in request order.
    /// </summary>
    /// <exception cref="LimitExceededException">More series than <see cref="MetricsLimits.MaxBatchSize"/>.</exception>
    MetricsBatchItem[] ComputeBatch(IReadOnlyList<MetricsRequest> requests);
}
