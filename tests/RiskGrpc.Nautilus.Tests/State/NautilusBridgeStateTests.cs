using RiskGrpc.Engine.Live;
using RiskGrpc.Nautilus.Decoding;
using RiskGrpc.Nautilus.State;

namespace RiskGrpc.Nautilus.Tests.State;

public sealed class NautilusBridgeStateTests
{
    [Theory]
    [MemberData(nameof(SampleEvents.Files), MemberType = typeof(SampleEvents))]
    public void Apply_SampleEntriesOneByOne_MatchesTheGoldenStateAfterEach(string file, NautilusEncoding encoding)
    {
        var state = new NautilusBridgeState(new NautilusOptions());
        var events = new List<LiveEvent>();
        var entries = SampleEvents.Load(file);

        for (var i = 0; i < entries.Count; i++)
        {
            var message = EnvelopeDecoder.Decode(entries[i], encoding).Message!;
            if (message is not HeartbeatMessage)
            {
                state.Apply($"{i + 1}-0", message, 0);
            }

            var batch = new List<LiveEvent>();
            state.EndBatch(batch, []);
            events.AddRange(batch);
            GoldenStates.AssertAfter(i, state.View(GoldenStates.Portfolio));
        }

        var sequenced = events.Where(e => e.Kind != LiveEventKind.Snapshot).ToList();
        Assert.Equal(
            [(LiveEventKind.PositionChange, 100000d, 0.68152), (LiveEventKind.MarkPrice, 0d, 0.682), (LiveEventKind.PositionChange, -40000d, 0.682), (LiveEventKind.PositionChange, -60000d, 0.6821)],
            sequenced.Select(e => (e.Kind, e.Quantity, e.Price)));
        Assert.Equal([1UL, 2UL, 3UL, 4UL], sequenced.Select(e => e.Sequence));
        Assert.All(events, e => Assert.Equal(GoldenStates.Portfolio, e.PortfolioId));
    }

    [Fact]
    public void Apply_SameFillTwice_CountsItOnce()
    {
        var state = new NautilusBridgeState(new NautilusOptions());
        var fill = EnvelopeDecoder.Decode(SampleEvents.Load(SampleEvents.JsonFile)[1], NautilusEncoding.Json).Message!;

        Assert.Equal(ApplyOutcome.Applied, state.Apply("1-0", fill, 0));
        Assert.Equal(ApplyOutcome.DuplicateFill, state.Apply("2-0", fill, 0));
        Assert.Equal(1, state.View(GoldenStates.Portfolio)!.Fills);
    }

    [Theory]
    [InlineData(NautilusPortfolioKey.Trader, "nautilus:TRADER-001")]
    [InlineData(NautilusPortfolioKey.Account, "nautilus:SIM-001")]
    [InlineData(NautilusPortfolioKey.Strategy, "nautilus:EMACross-001")]
    public void Apply_PortfolioKey_NamesThePortfolio(NautilusPortfolioKey key, string expected)
    {
        var state = new NautilusBridgeState(new NautilusOptions { PortfolioKey = key });
        foreach (var entry in SampleEvents.Load(SampleEvents.JsonFile).Take(5))
        {
            state.Apply("1-0", EnvelopeDecoder.Decode(entry, NautilusEncoding.Json).Message!, 0);
        }

        Assert.Equal([expected], state.PortfolioIds);
        Assert.Equal(100000m, state.View(expected)!.Positions[0].SignedQty);
    }

    [Fact]
    public void Apply_TwoStrategiesUnderTraderKey_NetsPositionsPerInstrument()
    {
        var state = new NautilusBridgeState(new NautilusOptions { PortfolioKey = NautilusPortfolioKey.Trader });
        state.Apply("1-0", Position("S-1", "P-1", 100m, 10m), 0);
        state.Apply("2-0", Position("S-2", "P-2", -40m, 12m), 0);
        state.Apply("3-0", new QuoteTickMessage("X.SIM", 10.9m, 11.1m, 5), 0);
        var events = new List<LiveEvent>();
        state.EndBatch(events, []);

        var holding = Assert.Single(state.View("nautilus:T-1")!.Positions);
        Assert.Equal(60m, holding.SignedQty);
        // Break-even of the net: (100·10 − 40·12) / 60; unrealized = 100·(11 − 10) − 40·(11 − 12) = 140.
        Assert.Equal((1000m - 480m) / 60m, holding.AvgPxOpen);
        Assert.Equal(140m, holding.UnrealizedPnl);
        Assert.Equal([100d, -40d], events.Where(e => e.Kind == LiveEventKind.PositionChange).Select(e => e.Quantity));
    }

    [Fact]
    public void Apply_InstrumentMultiplier_ScalesPnlExposureAndEnginePrice()
    {
        var options = new NautilusOptions();
        options.Instruments["X.SIM"] = 50m;
        var state = new NautilusBridgeState(options);
        state.Apply("1-0", Position("S-1", "P-1", 2m, 4000m), 0);
        state.Apply("2-0", new QuoteTickMessage("X.SIM", 4010m, 4010m, 5), 0);
        var events = new List<LiveEvent>();
        state.EndBatch(events, []);

        var view = state.View("nautilus:S-1")!;
        Assert.Equal(1000m, view.Positions[0].UnrealizedPnl);
        Assert.Equal(401000m, view.NetExposure["USD"]);
        Assert.Equal(200000d, events[0].Price);
        Assert.Equal(200500d, events[1].Price);
    }

    [Fact]
    public void EndBatch_BurstOfQuotes_CoalescesToOneMarkPerHolder()
    {
        var state = new NautilusBridgeState(new NautilusOptions());
        state.Apply("1-0", Position("S-1", "P-1", 1m, 10m), 0);
        state.EndBatch([], []);
        for (var i = 0; i < 100; i++)
        {
            state.Apply($"{i + 2}-0", new QuoteTickMessage("X.SIM", 10m + i, 10m + i, (ulong)i + 10), 0);
        }

        var events = new List<LiveEvent>();
        state.EndBatch(events, []);

        var mark = Assert.Single(events);
        Assert.Equal(LiveEventKind.MarkPrice, mark.Kind);
        Assert.Equal(109d, mark.Price);
        Assert.Equal("101-0", state.View("nautilus:S-1")!.LastEntryId);
    }

    [Fact]
    public void Apply_QuoteThenFillInOneBatch_EngineEventsKeepBusOrderAndTheViewNamesTheLastEntry()
    {
        var state = new NautilusBridgeState(new NautilusOptions());
        state.Apply("1-0", Position("S-1", "P-1", 1m, 10m), 0);
        state.EndBatch([], []);

        state.Apply("2-0", new QuoteTickMessage("X.SIM", 11m, 11m, 5), 0);
        state.Apply("3-0", Position("S-1", "P-1", 2m, 12m) with { Kind = PositionEventKind.Changed }, 0);
        var events = new List<LiveEvent>();
        var views = new List<PortfolioView>();
        state.EndBatch(events, views);

        Assert.Equal([(LiveEventKind.MarkPrice, 11d), (LiveEventKind.PositionChange, 12d)], events.Select(e => (e.Kind, e.Price)));
        Assert.Equal("3-0", Assert.Single(views).LastEntryId);
    }

    [Fact]
    public void Apply_NettingPositionReopenedAfterClose_KeepsTheClosedRealizedPnl()
    {
        var state = new NautilusBridgeState(new NautilusOptions());
        state.Apply("1-0", Position("S-1", "P-1", 10m, 10m), 0);
        state.Apply("2-0", Position("S-1", "P-1", 0m, 12m) with { Kind = PositionEventKind.Closed, RealizedPnl = new Money(19.50m, "USD") }, 0);
        state.Apply("3-0", Position("S-1", "P-1", -5m, 12m) with { RealizedPnl = new Money(-0.25m, "USD") }, 0);
        state.Apply("4-0", Position("S-1", "P-1", -5m, 12m) with { Kind = PositionEventKind.Changed, RealizedPnl = new Money(-0.40m, "USD") }, 0);

        var view = state.View("nautilus:S-1")!;
        Assert.Equal(19.10m, view.RealizedPnl["USD"]);
        Assert.Equal(new Money(19.10m, "USD"), Assert.Single(view.Positions).RealizedPnl);
        Assert.Equal(-5m, view.Positions[0].SignedQty);
    }

    [Fact]
    public void Apply_OlderAccountState_DoesNotReplaceTheNewer()
    {
        var state = new NautilusBridgeState(new NautilusOptions { PortfolioKey = NautilusPortfolioKey.Account });
        state.Apply("1-0", Account(10, 100m), 0);
        state.Apply("2-0", Account(5, 50m), 0);

        Assert.Equal(100m, state.View("nautilus:A-1")!.Accounts[0].Balances[0].Total);
    }

    [Fact]
    public void MarkResync_RaisesEveryPortfolioResyncCount()
    {
        var state = new NautilusBridgeState(new NautilusOptions());
        state.Apply("1-0", Position("S-1", "P-1", 1m, 10m), 0);
        state.Apply("2-0", Position("S-2", "P-2", 1m, 10m), 0);
        state.EndBatch([], []);

        state.MarkResync();
        var views = new List<PortfolioView>();
        state.EndBatch([], views);

        Assert.Equal(2, views.Count);
        Assert.All(views, v => Assert.Equal(1, v.ResyncCount));
    }

    private static AccountStateMessage Account(ulong ts, decimal total) =>
        new("A-1", "CASH", "USD", [new AccountBalance("USD", total, 0m, total)], 0m, 0m, ts);

    internal static PositionEventMessage Position(string strategy, string positionId, decimal signedQty, decimal px) => new(
        PositionEventKind.Opened,
        "T-1",
        strategy,
        "A-1",
        "X.SIM",
        positionId,
        signedQty > 0 ? "LONG" : signedQty < 0 ? "SHORT" : "FLAT",
        signedQty,
        Math.Abs(signedQty),
        px,
        px,
        "USD",
        new Money(0m, "USD"),
        null,
        1);
}
