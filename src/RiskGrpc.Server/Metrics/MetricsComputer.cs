using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Server.Errors;

namespace RiskGrpc.Server.Metrics;

/// <summary>
/// proto request → pooled engine request → engine → proto response. Shared by the unary, batch and stream RPCs:
/// <see cref="Compute"/> lets exceptions escape (the interceptor maps them); <see cref="TryCompute"/> turns them into a
/// per-item google.rpc.Status so one bad item never fails its neighbours.
/// </summary>
internal sealed class MetricsComputer(IMetricsEngine engine, ILogger<MetricsComputer> logger, Observability.ServerInstruments instruments)
{
    /// <summary>The engine's limits.</summary>
    public MetricsLimits Limits => engine.Limits;

    /// <summary>Computes one request; engine exceptions escape.</summary>
    public ComputeMetricsResponse Compute(ComputeMetricsRequest request)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var rented = RentedMetricsRequest.Create(request, engine.Limits);
            var result = engine.Compute(rented.Request);
            instruments.KernelTime.Record(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds);
            instruments.SeriesComputed.Add(1);
            return ProtoResponseMapper.ToProto(result);
        }
        catch
        {
            instruments.SeriesFailed.Add(1);
            throw;
        }
    }

    /// <summary>
    /// Computes one item of a batch or stream. Returns null and sets <paramref name="response"/> on success; otherwise
    /// returns the item's status (client errors with details under <paramref name="fieldPrefix"/>; anything else logged
    /// at Error and answered as a bare INTERNAL).
    /// </summary>
    public Google.Rpc.Status? TryCompute(ComputeMetricsRequest? request, string rpc, string item, string fieldPrefix, out ComputeMetricsResponse? response)
    {
        response = null;
        if (request is null)
        {
            return RpcErrors.ToStatus(new MetricsValidationException(fieldPrefix.TrimEnd('.'), "is required"), string.Empty);
        }

        try
        {
            response = Compute(request);
            return null;
        }
        catch (Exception ex) when (RpcErrors.IsClientError(ex))
        {
            return RpcErrors.ToStatus(ex, fieldPrefix);
        }
#pragma warning disable CA1031 // Per-item isolation: the failure is logged and answered as INTERNAL for this item alone.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MetricsServiceLog.ItemFailed(logger, rpc, item, ex);
            return RpcErrors.Internal();
        }
    }
}
