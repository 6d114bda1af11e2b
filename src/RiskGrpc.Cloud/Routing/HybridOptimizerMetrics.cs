using System.Diagnostics.Metrics;

namespace RiskGrpc.Cloud;

/// <summary>
/// Counters of the hybrid optimizer on meter <see cref="MeterName"/>: calls served by venue, fallbacks by reason, cloud
/// latency (ms, by outcome), cache hits and cross-check divergences. Tags carry codes only, never request data.
/// </summary>
public sealed class HybridOptimizerMetrics
{
    /// <summary>The meter's name (for exporters).</summary>
    public const string MeterName = "RiskGrpc.Optimization.Routing";

    private readonly Counter<long> _served;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _cloudLatency;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _divergences;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (or a standalone meter without one).</summary>
    public HybridOptimizerMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _served = meter.CreateCounter<long>("riskgrpc.optimization.served", "{call}", "Optimize calls answered, by venue");
        _fallbacks = meter.CreateCounter<long>("riskgrpc.optimization.fallbacks", "{call}", "Cloud-routed calls answered locally or failed, by reason");
        _cloudLatency = meter.CreateHistogram<double>("riskgrpc.optimization.cloud.duration", "ms", "Duration of the cloud leg, by outcome");
        _cacheHits = meter.CreateCounter<long>("riskgrpc.optimization.cloud.cache_hits", "{call}", "Cloud answers served from the cache");
        _divergences = meter.CreateCounter<long>("riskgrpc.optimization.cross_check.divergences", "{call}", "Cloud answers differing from the local engine beyond tolerance");
    }

    /// <summary>One call answered by <paramref name="venue"/>.</summary>
    public void Served(OptimizationVenue venue) => _served.Add(1, new KeyValuePair<string, object?>("venue", venue == OptimizationVenue.Cloud ? "cloud" : "local"));

    /// <summary>One fallback (or cloud-only failure) for <paramref name="reason"/>.</summary>
    public void Fallback(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>One cloud leg of <paramref name="milliseconds"/> ending in <paramref name="outcome"/> ("ok" or a reason).</summary>
    public void CloudLatency(double milliseconds, string outcome) => _cloudLatency.Record(milliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>One cache hit.</summary>
    public void CacheHit() => _cacheHits.Add(1);

    /// <summary>One cross-check divergence.</summary>
    public void Divergence() => _divergences.Add(1);
}
