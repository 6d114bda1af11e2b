using System.Diagnostics.Metrics;

namespace RiskGrpc.Server.Observability;

/// <summary>
/// The server's own instruments on the meter <c>RiskGrpc.Server</c> (the live engine has <c>RiskGrpc.LiveRisk</c>).
/// Names follow OpenTelemetry conventions; Prometheus renders them with underscores and unit suffixes.
/// </summary>
public sealed class ServerInstruments
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "RiskGrpc.Server";

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public ServerInstruments(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        RpcDuration = meter.CreateHistogram<double>("riskgrpc.rpc.duration", "s", "Duration of RiskGrpc RPCs by service, method and gRPC status.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        SeriesComputed = meter.CreateCounter<long>("riskgrpc.metrics.series_computed", "{series}", "Return series whose metrics were computed (unary, batch and stream).");
        SeriesFailed = meter.CreateCounter<long>("riskgrpc.metrics.series_failed", "{series}", "Return series answered with an error.");
        BatchSize = meter.CreateHistogram<long>("riskgrpc.metrics.batch_size", "{series}", "Series per ComputeMetricsBatch call.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] });
        KernelTime = meter.CreateHistogram<double>("riskgrpc.metrics.kernel_time", "s", "Engine time per series (validation, NaN policy, kernels).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.01, 0.1] });
        OptimizerSolves = meter.CreateCounter<long>("riskgrpc.optimizer.solves", "{solve}", "Optimizer calls by method and outcome.");
    }

    /// <summary>RPC duration; tags rpc.service, rpc.method, rpc.grpc.status_code.</summary>
    public Histogram<double> RpcDuration { get; }

    /// <summary>Series computed.</summary>
    public Counter<long> SeriesComputed { get; }

    /// <summary>Series answered with an error.</summary>
    public Counter<long> SeriesFailed { get; }

    /// <summary>Series per batch call.</summary>
    public Histogram<long> BatchSize { get; }

    /// <summary>Engine time per series.</summary>
    public Histogram<double> KernelTime { get; }

    /// <summary>Optimizer solves; tags method, outcome.</summary>
    public Counter<long> OptimizerSolves { get; }
}
