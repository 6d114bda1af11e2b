using System.Buffers;
using RiskGrpc.Kernel;

namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// The <see cref="IMetricsEngine"/>: validation, NaN policy, kernels on scratch rented from
/// <see cref="ArrayPool{T}.Shared"/> (returned in <c>finally</c>). Besides the result, a call allocates nothing.
/// </summary>
internal sealed class PooledMetricsEngine(MetricsLimits limits) : IMetricsEngine
{
    public MetricsLimits Limits { get; } = limits;

    public MetricsResult Compute(MetricsRequest request)
    {
        var shape = MetricsRequestValidator.Validate(request, Limits);
        using var prepared = PreparedSeries.Create(request, shape);
        var parameters = new MetricParameters(request.EffectivePeriodsPerYear, request.RiskFreeRate);
        var confidence = request.EffectiveConfidenceLevels.Span;
        var n = prepared.Returns.Length;
        var scratchLength = MetricKernel.ScratchLength(n);
        if (request.HasBenchmark)
        {
            scratchLength = Math.Max(scratchLength, RelativeMetricKernel.ScratchLength(prepared.PairReturns.Length));
        }

        var scratch = ArrayPool<double>.Shared.Rent(scratchLength);
        try
        {
            var tailRisk = new TailRiskMetrics[confidence.Length];
            MetricKernel.Compute(prepared.Returns, parameters, confidence, scratch, out var metrics, tailRisk);
            RelativeMetrics? relative = null;
            if (request.HasBenchmark)
            {
                RelativeMetricKernel.Compute(prepared.PairReturns, prepared.PairBenchmark, parameters, scratch, out var rel);
                relative = rel;
            }

            return new MetricsResult
            {
                Metrics = metrics,
                Relative = relative,
                TailRisk = tailRisk,
                Drawdowns = MetricsSeriesBuilder.Episodes(request.DrawdownEpisodes, prepared),
                Cumulative = MetricsSeriesBuilder.WealthSeries(request, MetricsSeriesKinds.Cumulative, prepared.Returns),
                Underwater = MetricsSeriesBuilder.WealthSeries(request, MetricsSeriesKinds.Underwater, prepared.Returns),
                Rolling = MetricsSeriesBuilder.Rolling(request, prepared, parameters),
                Monthly = MetricsSeriesBuilder.Calendar(request, MetricsSeriesKinds.Monthly, prepared),
                Yearly = MetricsSeriesBuilder.Calendar(request, MetricsSeriesKinds.Yearly, prepared),
                Observations = n,
                RelativeObservations = request.HasBenchmark ? prepared.PairReturns.Length : 0,
            };
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    public MetricsBatchItem[] ComputeBatch(IReadOnlyList<MetricsRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        Limits.EnsureBatchSize(requests.Count);
        var results = new MetricsBatchItem[requests.Count];
        ParallelBatch.Run(results, i =>
        {
            try
            {
                return new MetricsBatchItem(i, Compute(requests[i]), null);
            }
#pragma warning disable CA1031 // Per-series isolation: any failure belongs to that series alone; the front end maps it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return new MetricsBatchItem(i, null, ex);
            }
        });
        return results;
    }
}
