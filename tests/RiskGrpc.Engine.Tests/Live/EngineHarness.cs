using System.Diagnostics.Metrics;
using RiskGrpc.Engine.Live;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Engine.Tests.Live;

/// <summary>An engine with a manual clock and recorded diagnostics; fails the test on any worker fault.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly TestMeterFactory _meters = new();

    public EngineHarness(LiveRiskOptions? options = null, TimeProvider? time = null)
    {
        Time = time ?? new ManualTimeProvider();
        Options = options ?? new LiveRiskOptions { Partitions = 2 };
        Engine = new LiveRiskEngine(Options, Time, _meters, Diagnostics);
    }

    public LiveRiskOptions Options { get; }

    /// <summary>The meter factory of this harness's engine (listeners filter on it: engines of parallel tests share meter names).</summary>
    public IMeterFactory MeterFactory => _meters;

    public TimeProvider Time { get; }

    public ManualTimeProvider Clock => (ManualTimeProvider)Time;

    public RecordingDiagnostics Diagnostics { get; } = new();

    public LiveRiskEngine Engine { get; }

    public static LiveEvent Return(string portfolio, ulong sequence, double value, double? benchmark = null) => new()
    {
        Kind = LiveEventKind.ReturnObservation,
        PortfolioId = portfolio,
        Sequence = sequence,
        Value = value,
        BenchmarkReturn = benchmark,
    };

    public static LiveEvent Attach(string portfolio) => new() { Kind = LiveEventKind.Attach, PortfolioId = portfolio };

    public static LiveEvent Snapshot(string portfolio) => new() { Kind = LiveEventKind.Snapshot, PortfolioId = portfolio };

    /// <summary>Reads outbox items until one matches; returns it and everything read before it.</summary>
    public static async Task<(LiveOutboxItem Match, List<LiveOutboxItem> Before)> ReadUntilAsync(LiveSession session, Func<LiveOutboxItem, LiveRiskSnapshot?, bool> predicate)
    {
        var before = new List<LiveOutboxItem>();
        while (true)
        {
            var item = await session.Outbox.ReadAsync().DefaultTimeout();
            LiveRiskSnapshot? update = null;
            if (item.Kind == LiveOutboxItemKind.Update)
            {
                update = new LiveRiskSnapshot();
                Assert.True(item.Subscription!.TakeLatest(update));
            }

            if (predicate(item, update))
            {
                return (item, before);
            }

            before.Add(item);
        }
    }

    /// <summary>
    /// Reads outbox items (taking each update) until <paramref name="done"/> holds for everything read so far.
    /// An update item sits where its portfolio's first pending offer put it, so later offers are folded into it:
    /// tests must not assume updates and acknowledgements interleave one to one.
    /// </summary>
    public static async Task<List<(LiveOutboxItem Item, LiveRiskSnapshot? Update)>> CollectAsync(
        LiveSession session, Func<List<(LiveOutboxItem Item, LiveRiskSnapshot? Update)>, bool> done)
    {
        var seen = new List<(LiveOutboxItem, LiveRiskSnapshot?)>();
        while (!done(seen))
        {
            var item = await session.Outbox.ReadAsync().DefaultTimeout();
            LiveRiskSnapshot? update = null;
            if (item.Kind == LiveOutboxItemKind.Update)
            {
                update = new LiveRiskSnapshot();
                Assert.True(item.Subscription!.TakeLatest(update));
            }

            seen.Add((item, update));
        }

        return seen;
    }

    /// <summary>True when <paramref name="seen"/> holds an update for the portfolio at or after the sequence.</summary>
    public static bool HasUpdate(List<(LiveOutboxItem Item, LiveRiskSnapshot? Update)> seen, string portfolio, ulong sequence) =>
        seen.Exists(s => s.Update is { } u && u.PortfolioId == portfolio && u.LastAppliedSequence >= sequence);

    /// <summary>Reads until an update for <paramref name="portfolio"/> at <paramref name="sequence"/> arrives.</summary>
    public static async Task<LiveRiskSnapshot> ReadUpdateAsync(LiveSession session, string portfolio, ulong sequence)
    {
        LiveRiskSnapshot? found = null;
        await ReadUntilAsync(session, (_, u) =>
        {
            if (u is not null && u.PortfolioId == portfolio && u.LastAppliedSequence >= sequence)
            {
                found = u;
                return true;
            }

            return false;
        });
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        _meters.Dispose();
        Assert.Empty(Diagnostics.Faults);
    }
}
