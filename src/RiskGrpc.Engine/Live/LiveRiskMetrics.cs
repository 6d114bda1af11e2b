using System.Diagnostics.Metrics;

namespace RiskGrpc.Engine.Live;

/// <summary>The engine's counters, on the meter "RiskGrpc.LiveRisk".</summary>
internal sealed class LiveRiskMetrics
{
    /// <summary>The meter name to listen to (dotnet-counters, OpenTelemetry).</summary>
    public const string MeterName = "RiskGrpc.LiveRisk";

    private readonly Meter _meter;

    public LiveRiskMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _meter = meter;
        EventsApplied = meter.CreateCounter<long>("riskgrpc.live.events_applied", "{event}", "Events applied to portfolio state.");
        EventsRejected = meter.CreateCounter<long>("riskgrpc.live.events_rejected", "{event}", "Events answered with an EventError.");
        EventsDuplicated = meter.CreateCounter<long>("riskgrpc.live.events_duplicated", "{event}", "Events acknowledged as duplicates and not applied.");
        UpdatesPublished = meter.CreateCounter<long>("riskgrpc.live.updates_published", "{update}", "Updates offered to subscribers.");
        UpdatesCoalesced = meter.CreateCounter<long>("riskgrpc.live.updates_coalesced", "{update}", "Updates replaced by a newer one before a slow subscriber read them.");
        Portfolios = meter.CreateUpDownCounter<long>("riskgrpc.live.portfolios", "{portfolio}", "Portfolios held in memory.");
        PortfoliosExpired = meter.CreateCounter<long>("riskgrpc.live.portfolios_expired", "{portfolio}", "Idle portfolios dropped.");
        Sessions = meter.CreateUpDownCounter<long>("riskgrpc.live.sessions", "{stream}", "Open Connect and Watch streams.");
        SessionsOverflowed = meter.CreateCounter<long>("riskgrpc.live.sessions_overflowed", "{stream}", "Streams ended because the client stopped reading.");
    }

    /// <summary>Publishes <c>riskgrpc.live.queue_depth</c>: work items waiting for the partition workers.</summary>
    public void ObserveQueueDepth(Func<int> depth) =>
        _meter.CreateObservableGauge("riskgrpc.live.queue_depth", depth, "{item}", "Events, snapshots and sweeps waiting for the partition workers.");

    public Counter<long> EventsApplied { get; }

    public Counter<long> EventsRejected { get; }

    public Counter<long> EventsDuplicated { get; }

    public Counter<long> UpdatesPublished { get; }

    public Counter<long> UpdatesCoalesced { get; }

    public UpDownCounter<long> Portfolios { get; }

    public Counter<long> PortfoliosExpired { get; }

    public UpDownCounter<long> Sessions { get; }

    public Counter<long> SessionsOverflowed { get; }
}
