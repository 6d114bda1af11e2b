using System.Diagnostics.Metrics;
using RiskGrpc.Engine.Live;
using RiskGrpc.TestUtils;
using static RiskGrpc.Engine.Tests.Live.EngineHarness;

namespace RiskGrpc.Engine.Tests.Live;

public sealed class LiveRiskEngineFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_SubscriberNotReading_CoalescesToLatestAndCountsTheRest()
    {
        await using var harness = new EngineHarness();
        long coalescedCounter = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == harness.MeterFactory && instrument.Meter.Name == LiveRiskEngine.MeterName && instrument.Name == "riskgrpc.live.updates_coalesced")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref coalescedCounter, value));
        listener.Start();
        var session = harness.Engine.OpenSession();

        for (ulong i = 1; i <= 100; i++)
        {
            await session.SubmitAsync(Return("p1", i, 0.001 * (i % 7)), Ct).DefaultTimeout();
        }

        await session.SubmitAsync(Snapshot("p1"), Ct).DefaultTimeout();
        await session.CompleteAsync().DefaultTimeout();
        var items = new List<LiveOutboxItem>();
        await foreach (var item in session.Outbox.ReadAllAsync(Ct))
        {
            items.Add(item);
        }

        var update = new LiveRiskSnapshot();
        Assert.Single(items);
        Assert.True(items[0].Subscription!.TakeLatest(update));
        Assert.Equal(100UL, update.LastAppliedSequence);
        Assert.Equal(100, update.CoalescedUpdates);
        Assert.Equal(100, Interlocked.Read(ref coalescedCounter));
    }

    [Fact]
    public async Task AnnounceDraining_QueuedOnceAlongsideTheAnswersAndNotAfterCompletion()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        await session.SubmitAsync(Return("p1", 1, 0.01), Ct).DefaultTimeout();
        await session.SubmitAsync(Snapshot("p1"), Ct).DefaultTimeout();
        await ReadUpdateAsync(session, "p1", 1);
        await session.SubmitAsync(Return("p1", 2, 0.02), Ct).DefaultTimeout();
        await session.SubmitAsync(Snapshot("p1"), Ct).DefaultTimeout();

        session.AnnounceDraining();
        await session.CompleteAsync().DefaultTimeout();
        session.AnnounceDraining();
        var items = new List<LiveOutboxItem>();
        await foreach (var item in session.Outbox.ReadAllAsync(Ct))
        {
            items.Add(item);
        }

        // The event still being applied is answered too (before or after the notice); the notice comes once.
        Assert.Equal([LiveOutboxItemKind.Update, LiveOutboxItemKind.Draining], items.Select(i => i.Kind).Order());
        var update = new LiveRiskSnapshot();
        Assert.True(items.Single(i => i.Kind == LiveOutboxItemKind.Update).Subscription!.TakeLatest(update));
        Assert.Equal(2UL, update.LastAppliedSequence);
    }

    [Fact]
    public void Options_NonPositiveDrainTimeout_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LiveRiskOptions { DrainTimeout = TimeSpan.Zero }.Validate());
        new LiveRiskOptions { DrainTimeout = TimeSpan.FromMilliseconds(1) }.Validate();
    }

    [Fact]
    public async Task Configure_MinUpdateInterval_PacesUpdatesAndFlushesTheLatestWhenDue()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        await session.SubmitAsync(new LiveEvent
        {
            Kind = LiveEventKind.Configuration,
            PortfolioId = "p1",
            Sequence = 1,
            Configuration = new LiveConfigurationChange { MinUpdateInterval = TimeSpan.FromSeconds(1) },
        }, Ct).DefaultTimeout();
        var first = await ReadUpdateAsync(session, "p1", 1);

        for (ulong i = 2; i <= 5; i++)
        {
            await session.SubmitAsync(Return("p1", i, 0.01), Ct).DefaultTimeout();
        }

        await session.SubmitAsync(Snapshot("p1"), Ct).DefaultTimeout();
        var snapshot = await ReadUpdateAsync(session, "p1", 5);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var flushed = await ReadUpdateAsync(session, "p1", 5);

        Assert.Equal(1UL, first.LastAppliedSequence);
        Assert.Equal(5UL, snapshot.LastAppliedSequence);
        Assert.Equal(5UL, flushed.LastAppliedSequence);
        Assert.Equal(4, flushed.TotalObservations);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Sweep_OrphanedPortfolioPastIdleExpiry_IsDroppedAndStartsOverAsNew()
    {
        var options = new LiveRiskOptions { Partitions = 1, IdleExpiry = TimeSpan.FromMinutes(5), ExpiryScanInterval = TimeSpan.FromMinutes(1) };
        await using var harness = new EngineHarness(options);
        var writer = harness.Engine.OpenSession();
        await writer.SubmitAsync(Return("p1", 1, 0.01), Ct).DefaultTimeout();
        await ReadUpdateAsync(writer, "p1", 1);
        await writer.CompleteAsync().DefaultTimeout();

        harness.Clock.Advance(TimeSpan.FromMinutes(4));
        var next = harness.Engine.OpenSession();
        await next.SubmitAsync(Snapshot("p1"), Ct).DefaultTimeout();
        var kept = await ReadUpdateAsync(next, "p1", 1);
        harness.Clock.Advance(TimeSpan.FromMinutes(2));
        await next.SubmitAsync(Attach("p1"), Ct).DefaultTimeout();
        var (ack, _) = await ReadUntilAsync(next, (i, _) => i.Kind == LiveOutboxItemKind.Acknowledgement);

        Assert.Equal(1UL, kept.LastAppliedSequence);
        Assert.Equal(LiveAcknowledgementKind.AttachedNew, ack.Acknowledgement.Kind);
        Assert.Equal(0UL, ack.Acknowledgement.LastAppliedSequence);
        Assert.Contains("p1", harness.Diagnostics.Expired);
        await next.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task WatchAsync_TwoWatchers_BothReceiveInitialStateAndLaterUpdates()
    {
        await using var harness = new EngineHarness();
        var writer = harness.Engine.OpenSession();
        var watchers = new[] { harness.Engine.OpenSession(), harness.Engine.OpenSession() };
        await writer.SubmitAsync(Return("p1", 1, 0.01), Ct).DefaultTimeout();
        await ReadUpdateAsync(writer, "p1", 1);

        foreach (var watcher in watchers)
        {
            await watcher.WatchAsync("p1", Ct).DefaultTimeout();
        }

        var initial = new List<LiveRiskSnapshot>();
        foreach (var watcher in watchers)
        {
            initial.Add(await ReadUpdateAsync(watcher, "p1", 1));
        }

        await writer.SubmitAsync(Return("p1", 2, -0.01), Ct).DefaultTimeout();
        foreach (var watcher in watchers)
        {
            var later = await ReadUpdateAsync(watcher, "p1", 2);
            Assert.Equal(2, later.TotalObservations);
        }

        Assert.All(initial, u => Assert.Equal(1UL, u.LastAppliedSequence));
        await writer.CompleteAsync().DefaultTimeout();
        foreach (var watcher in watchers)
        {
            await watcher.CompleteAsync().DefaultTimeout();
        }
    }

    [Fact]
    public async Task Post_ClientStopsReadingAndOutboxFills_OutboxFaultsWithOverflow()
    {
        var options = new LiveRiskOptions { Partitions = 1, OutboxCapacity = 8, MaxPortfoliosPerSession = 4 };
        await using var harness = new EngineHarness(options);
        var session = harness.Engine.OpenSession();

        for (ulong i = 1; i <= 20; i++)
        {
            await session.SubmitAsync(Return("p1", i + 100, 0.01), Ct).DefaultTimeout();
        }

        await session.CompleteAsync().DefaultTimeout();
        var drained = 0;
        await Assert.ThrowsAsync<LiveSessionOverflowException>(async () =>
        {
            await foreach (var _ in session.Outbox.ReadAllAsync(Ct))
            {
                drained++;
            }
        }).DefaultTimeout();

        Assert.Equal(8, drained);
        Assert.Single(harness.Diagnostics.Overflows);
    }
}
