using System.Diagnostics;
using RiskGrpc.Nautilus.Redis;
using RiskGrpc.TestUtils;
using StackExchange.Redis;

namespace RiskGrpc.Nautilus.Tests.Redis;

public sealed class ReaderScenarioTests
{
    [Fact]
    public async Task RedisRestart_MidStream_ResumesFromCheckpointWithoutLossOrDoubleCount()
    {
        await using var harness = await BridgeHarness.StartAsync();
        var entries = SampleEvents.Load(SampleEvents.JsonFile);
        string last = "";
        foreach (var fields in entries.Take(5))
        {
            last = await harness.AddAsync(SampleEvents.Stream, fields);
        }

        await harness.WaitProcessedAsync(last);
        await harness.Db.ExecuteAsync("SAVE").DefaultTimeout();
        Assert.Equal(last, (string?)await harness.Db.HashGetAsync(harness.Options.CheckpointKey, SampleEvents.Stream).DefaultTimeout());

        await harness.Redis.RestartAsync(TimeSpan.FromMilliseconds(300));
        await BridgeHarness.WaitUntilAsync(() => harness.Client.IsConnected, "the test client reconnected");
        foreach (var fields in entries.Skip(5))
        {
            last = await harness.AddAsync(SampleEvents.Stream, fields);
        }

        await harness.WaitProcessedAsync(last);
        GoldenStates.AssertAfter(9, harness.Views.Get(GoldenStates.Portfolio));
        Assert.Equal(10, harness.Statistics.EntriesRead);
        Assert.Equal(1, harness.Statistics.DuplicateFills);
        Assert.True(harness.Statistics.Reconnects >= 1);
        Assert.Equal(0, harness.Statistics.Resyncs);
        // The engine saw each fill once: flat, and its P&L is the cash of the three trades (it books no commission).
        var watched = await GoldenReplayTests.WatchOnceAsync(harness.Engine, GoldenStates.Portfolio);
        Assert.Equal(0, watched.OpenPositions);
        Assert.Equal((-100000 * 0.68152) + (40000 * 0.682) + (60000 * 0.6821), watched.TotalPnl, 1e-6);
        Assert.Equal(0, harness.Statistics.EngineRejections);
        var closedId = harness.Views.Get(GoldenStates.Portfolio)!.LastEntryId;
        var risk = await harness.WaitPublishedAsync(r => r.SourceEntryId == closedId, "risk after the restart");
        Assert.False(risk.Resync);
    }

    [Fact]
    public async Task RedisRestart_WithoutPersistence_FlagsResyncAndReadsTheNewStreamFromItsStart()
    {
        await using var harness = await BridgeHarness.StartAsync();
        var entries = SampleEvents.Load(SampleEvents.JsonFile);
        string last = "";
        foreach (var fields in entries.Take(5))
        {
            last = await harness.AddAsync(SampleEvents.Stream, fields);
        }

        await harness.WaitProcessedAsync(last);

        // No SAVE: the restarted Redis is empty, so whatever the node wrote meanwhile is gone.
        await harness.Redis.RestartAsync(TimeSpan.FromMilliseconds(100));
        await BridgeHarness.WaitUntilAsync(() => harness.Statistics.Resyncs == 1, "resync after losing the stream");
        await BridgeHarness.WaitUntilAsync(() => harness.Client.IsConnected, "the test client reconnected");
        await harness.Db.ExecuteAsync("XADD", SampleEvents.Stream, "1-1", "topic", "x", "payload", "{\"type\":\"Nothing\"}").DefaultTimeout();
        await harness.WaitProcessedAsync("1-1");

        var risk = await harness.WaitPublishedAsync(r => r.Resync, "risk flagged resync");
        Assert.Equal(1, risk.ResyncCount);
        Assert.Equal(1, harness.Statistics.UnknownTypes);
    }

    [Fact]
    public async Task XTrimMinIdPastCheckpoint_OnStart_RebuildsFromRetainedAndFlagsResync()
    {
        await using var harness = await BridgeHarness.StartAsync();
        var entries = SampleEvents.Load(SampleEvents.JsonFile);
        var ids = new List<string>();
        foreach (var fields in entries.Take(5))
        {
            ids.Add(await harness.AddAsync(SampleEvents.Stream, fields));
        }

        await harness.WaitProcessedAsync(ids[^1]);
        await harness.StopBridgeAsync();
        foreach (var fields in entries.Skip(5).Take(3))
        {
            ids.Add(await harness.AddAsync(SampleEvents.Stream, fields));
        }

        // Trim everything before PositionChanged: the trade and the bar were never read.
        await harness.Db.ExecuteAsync("XTRIM", SampleEvents.Stream, "MINID", ids[7]).DefaultTimeout();
        Assert.Equal(ids[4], (string?)await harness.Db.HashGetAsync(harness.Options.CheckpointKey, SampleEvents.Stream).DefaultTimeout());
        await harness.StartBridgeAsync();

        await harness.WaitProcessedAsync(ids[7]);
        Assert.Equal(1, harness.Statistics.Resyncs);
        Assert.Contains(harness.Logs.Records, r => r.Id.Id == 9004 && r.Message.Contains(ids[4], StringComparison.Ordinal));
        var view = harness.Views.Get(GoldenStates.Portfolio)!;
        Assert.Equal(1, view.ResyncCount);
        Assert.Equal(60000m, view.Positions[0].SignedQty);
        Assert.Equal(17.29m, view.RealizedPnl["USD"]);
        var risk = await harness.WaitPublishedAsync(r => r.SourceEntryId == ids[7], "risk after the rebuild");
        Assert.True(risk.Resync);
        Assert.Equal(1, risk.ResyncCount);

        // Later entries are ordinary again.
        var next = await harness.AddAsync(SampleEvents.Stream, entries[8]);
        await harness.WaitProcessedAsync(next);
        var after = await harness.WaitPublishedAsync(r => r.SourceEntryId == next, "risk after the close");
        Assert.False(after.Resync);
        Assert.Equal(1, after.ResyncCount);
    }

    [Fact]
    public async Task XTrimWhileRunning_PastWhatWasRead_IsDetectedByTheGapCheck()
    {
        await using var harness = await BridgeHarness.StartAsync(startBridge: false);
        var entries = SampleEvents.Load(SampleEvents.JsonFile);
        var first = await harness.AddAsync(SampleEvents.Stream, entries[4]);
        await harness.StartBridgeAsync();
        await harness.WaitProcessedAsync(first);

        // The reader falls behind a trim: an entry is added and trimmed away in one transaction, so it is never read.
        var last = StreamId.Parse(first);
        var lost = new StreamId(last.Milliseconds + 1, 0).ToString();
        var kept = new StreamId(last.Milliseconds + 2, 0).ToString();
        var tran = harness.Db.CreateTransaction();
        _ = tran.ExecuteAsync("XADD", SampleEvents.Stream, lost, "topic", "x", "payload", "{\"type\":\"Lost\"}");
        _ = tran.ExecuteAsync("XADD", SampleEvents.Stream, kept, "topic", "x", "payload", "{\"type\":\"Kept\"}");
        _ = tran.ExecuteAsync("XTRIM", SampleEvents.Stream, "MINID", kept);
        await tran.ExecuteAsync().DefaultTimeout();

        await harness.WaitProcessedAsync(kept);
        await BridgeHarness.WaitUntilAsync(() => harness.Statistics.Resyncs == 1, "the gap check");
        Assert.Equal(1, harness.Statistics.UnknownTypes);
        await harness.WaitPublishedAsync(r => r.Resync && r.ResyncCount == 1, "risk flagged resync");
    }

    [Fact]
    public async Task StreamPerTopic_DiscoversTheKeysAndReachesTheGoldenFinalState()
    {
        await using var harness = await BridgeHarness.StartAsync(o => o.StreamPerTopic = true);
        foreach (var fields in SampleEvents.Load(SampleEvents.JsonFile))
        {
            var topic = System.Text.Encoding.UTF8.GetString(fields[0].Value.Span);
            await harness.AddAsync(SampleEvents.Stream + ":" + topic, fields);
        }

        await BridgeHarness.WaitUntilAsync(() => harness.Statistics.EntriesRead == 10, "all 10 entries read from their topic streams");
        await BridgeHarness.WaitUntilAsync(() => harness.Views.Get(GoldenStates.Portfolio)?.Positions is [{ Side: "FLAT" }], "the close applied");
        GoldenStates.AssertAfter(9, harness.Views.Get(GoldenStates.Portfolio));
        Assert.Equal(1, harness.Statistics.DuplicateFills);
        Assert.Equal(1, harness.Statistics.Heartbeats);
        Assert.Equal(8, harness.Logs.Records.Count(r => r.Id.Id == 9008));
        Assert.Equal(8, (await harness.Db.HashGetAllAsync(harness.Options.CheckpointKey).DefaultTimeout()).Length);
    }

    [Fact]
    public async Task V2Entry_AmongV1Entries_IsRoutedByItsEncodingField()
    {
        await using var harness = await BridgeHarness.StartAsync(o => o.Encoding = NautilusEncoding.Msgpack);
        const string payload = "{\"PositionOpened\":{\"trader_id\":\"TRADER-001\",\"strategy_id\":\"V2-1\",\"instrument_id\":\"EUR/USD.SIM\",\"position_id\":\"P-V2\",\"account_id\":\"SIM-001\",\"side\":\"SHORT\",\"signed_qty\":-20000.0,\"quantity\":\"20000\",\"peak_quantity\":\"20000\",\"last_px\":\"1.10000\",\"currency\":\"USD\",\"avg_px_open\":1.1,\"realized_pnl\":\"-0.44 USD\",\"ts_event\":1704186000001000000,\"ts_init\":1704186000001000001}}";
        await harness.AddAsync(SampleEvents.Stream, SampleEvents.Load(SampleEvents.MsgpackFile)[0]);
        var id = await harness.AddAsync("trader-TRADER-001:stream", BusEntries.Fields(("topic", "events.position.V2-1"), ("type", "PositionEvent"), ("payload", payload), ("encoding", "json")));
        await harness.WaitProcessedAsync(id);

        var view = harness.Views.Get("nautilus:V2-1")!;
        Assert.Equal(-20000m, view.Positions[0].SignedQty);
        Assert.Equal(-0.44m, view.RealizedPnl["USD"]);
        Assert.Equal(1, harness.Statistics.UnknownFields);
        Assert.Equal(0, harness.Statistics.Malformed);
    }

    [Fact]
    public async Task MalformedPayload_AmongGoodOnes_IsLoggedOnceCountedAndSkipped()
    {
        await using var harness = await BridgeHarness.StartAsync();
        var entries = SampleEvents.Load(SampleEvents.JsonFile);
        await harness.AddAsync(SampleEvents.Stream, entries[0]);
        var bad = await harness.AddAsync(SampleEvents.Stream, BusEntries.Fields(("topic", "events.position.X"), ("payload", "{\"type\":\"PositionOpened\",\"trader_id\":")));
        var noPayload = await harness.AddAsync(SampleEvents.Stream, BusEntries.Fields(("topic", "events.position.X")));
        string last = "";
        foreach (var fields in entries.Skip(1).Take(4))
        {
            last = await harness.AddAsync(SampleEvents.Stream, fields);
        }

        await harness.WaitProcessedAsync(last);

        Assert.Equal(2, harness.Statistics.Malformed);
        GoldenStates.AssertAfter(4, harness.Views.Get(GoldenStates.Portfolio));
        var logged = harness.Logs.Records.Where(r => r.Id.Id == 9001).ToList();
        Assert.Equal(2, logged.Count);
        Assert.Single(logged, r => r.Message.Contains(bad, StringComparison.Ordinal) && r.Message.Contains(SampleEvents.Stream, StringComparison.Ordinal));
        Assert.Single(logged, r => r.Message.Contains(noPayload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TenThousandUnknownTypeEntries_AreSkippedCountedAndDoNotDelayWhatFollows()
    {
        await using var harness = await BridgeHarness.StartAsync();
        var batch = harness.Db.CreateBatch();
        var adds = new List<Task>();
        for (var i = 0; i < 10_000; i++)
        {
            adds.Add(batch.StreamAddAsync(SampleEvents.Stream, [new NameValueEntry("topic", "custom.thing"), new NameValueEntry("payload", $"{{\"type\":\"CustomSignal\",\"value\":{i},\"ts_event\":\"{i}\"}}")]));
        }

        var clock = Stopwatch.StartNew();
        batch.Execute();
        await Task.WhenAll(adds).DefaultTimeout();
        var id = await harness.AddAsync(SampleEvents.Stream, SampleEvents.Load(SampleEvents.JsonFile)[4]);
        await harness.WaitProcessedAsync(id);
        clock.Stop();

        Assert.Equal(10_000, harness.Statistics.UnknownTypes);
        Assert.Equal(0, harness.Statistics.Malformed);
        Assert.Equal(100000m, harness.Views.Get(GoldenStates.Portfolio)!.Positions[0].SignedQty);
        // Generous bound for a loaded 2-core machine; skipping costs microseconds per entry (measured ~0.2 s total).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"10,000 unknown entries took {clock.Elapsed}");
    }

    [Fact]
    public async Task BurstOfQuotes_IsCoalescedIntoFewerPublishedEntriesEndingAtTheLastMark()
    {
        await using var harness = await BridgeHarness.StartAsync();
        var open = await harness.AddAsync(SampleEvents.Stream, BusEntries.Position("Opened", "B-1", "X.SIM", 100m, 10m, 0m, 1));
        await harness.WaitProcessedAsync(open);
        await harness.WaitPublishedAsync(r => r.SourceEntryId == open, "the opening");
        var before = (await harness.ReadPublishedAsync()).Count;

        var batch = harness.Db.CreateBatch();
        var adds = new List<Task<RedisValue>>();
        for (var i = 1; i <= 2000; i++)
        {
            var quote = BusEntries.Quote("X.SIM", 10m + (i / 1000m), 10m + (i / 1000m), (ulong)i + 1);
            adds.Add(batch.StreamAddAsync(SampleEvents.Stream, quote.Select(f => new NameValueEntry(f.Key, f.Value.ToArray())).ToArray()));
        }

        batch.Execute();
        await Task.WhenAll(adds).DefaultTimeout();
        var last = (await adds[^1]).ToString();
        var risk = await harness.WaitPublishedAsync(r => r.SourceEntryId == last, "the last quote's risk");

        var published = (await harness.ReadPublishedAsync()).Count - before;
        Assert.True(published < 200, $"2000 quotes gave {published} published entries");
        var position = Assert.Single(risk.Payload.Maps("positions"));
        Assert.Equal(12m, position.Decimal("mark"));
        Assert.Equal(200m, position.Money("unrealized_pnl").Amount);
    }
}
