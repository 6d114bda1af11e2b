using System.Diagnostics.Metrics;

namespace RiskGrpc.Nautilus.Hosting;

/// <summary>
/// Publishes <see cref="NautilusBridgeStatistics"/> as observable counters on the meter <c>"RiskGrpc.Nautilus"</c>
/// (for dotnet-counters or OpenTelemetry), next to the live risk engine's <c>"RiskGrpc.LiveRisk"</c>.
/// </summary>
internal sealed class NautilusBridgeMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "RiskGrpc.Nautilus";

    public NautilusBridgeMetrics(IMeterFactory meterFactory, NautilusBridgeStatistics statistics)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("riskgrpc.nautilus.entries_read", () => statistics.EntriesRead, "{entry}", "Stream entries read, replayed ones included.");
        meter.CreateObservableCounter("riskgrpc.nautilus.entries_applied", () => statistics.EntriesApplied, "{entry}", "Entries that changed or refreshed state.");
        meter.CreateObservableCounter("riskgrpc.nautilus.duplicate_fills", () => statistics.DuplicateFills, "{entry}", "OrderFilled repeats (fills and order topics).");
        meter.CreateObservableCounter("riskgrpc.nautilus.heartbeats", () => statistics.Heartbeats, "{entry}", "health:heartbeat entries.");
        meter.CreateObservableCounter("riskgrpc.nautilus.unknown_types", () => statistics.UnknownTypes, "{entry}", "Entries of an unknown payload type (ignored).");
        meter.CreateObservableCounter("riskgrpc.nautilus.ignored_known_types", () => statistics.IgnoredKnownTypes, "{entry}", "Entries of a known type the bridge does not use.");
        meter.CreateObservableCounter("riskgrpc.nautilus.unknown_fields", () => statistics.UnknownFields, "{field}", "Payload keys the decoder did not know (ignored).");
        meter.CreateObservableCounter("riskgrpc.nautilus.malformed", () => statistics.Malformed, "{entry}", "Entries skipped as malformed.");
        meter.CreateObservableCounter("riskgrpc.nautilus.resyncs", () => statistics.Resyncs, "{gap}", "Gaps (lost entries) detected.");
        meter.CreateObservableCounter("riskgrpc.nautilus.reconnects", () => statistics.Reconnects, "{connection}", "Reconnections to Redis.");
        meter.CreateObservableCounter("riskgrpc.nautilus.published", () => statistics.Published, "{entry}", "PortfolioRisk entries written.");
        meter.CreateObservableCounter("riskgrpc.nautilus.engine_rejections", () => statistics.EngineRejections, "{event}", "Events the live risk engine rejected.");
    }
}
