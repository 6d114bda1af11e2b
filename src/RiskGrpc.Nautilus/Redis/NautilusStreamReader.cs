using Microsoft.Extensions.Logging;
using RiskGrpc.Engine.Live;
using RiskGrpc.Nautilus.Decoding;
using RiskGrpc.Nautilus.Engine;
using RiskGrpc.Nautilus.State;
using StackExchange.Redis;

namespace RiskGrpc.Nautilus.Redis;

/// <summary>
/// Reads the node's stream(s) on a dedicated connection with blocking <c>XREAD COUNT n BLOCK ms</c> (a blocking read
/// would stall a shared multiplexer, so this connection carries nothing else of substance). On start it rebuilds
/// state from the retained window (<c>XRANGE</c>), continuing after the checkpoint kept in Redis; after a failure it
/// reconnects with exponential back-off and resumes after the last entry it processed. Entries that were trimmed
/// or lost before being read raise the resync count of every portfolio; nothing is skipped silently.
/// </summary>
internal sealed partial class NautilusStreamReader
{
    private readonly NautilusOptions _options;
    private readonly NautilusBridgeState _state;
    private readonly NautilusEngineFeed _feed;
    private readonly Action<PortfolioView> _onView;
    private readonly NautilusBridgeStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, StreamProgress> _streams = new(StringComparer.Ordinal);
    private readonly List<LiveEvent> _events = [];
    private readonly List<PortfolioView> _views = [];
    private long _lastGapCheck;
    private long _lastDiscovery;
    private long _lastCheckpoint;

    public NautilusStreamReader(
        NautilusOptions options,
        NautilusBridgeState state,
        NautilusEngineFeed feed,
        Action<PortfolioView> onView,
        NautilusBridgeStatistics statistics,
        TimeProvider time,
        ILogger logger)
    {
        _options = options;
        _state = state;
        _feed = feed;
        _onView = onView;
        _statistics = statistics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Reads until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectMinDelay;
        var started = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync(ReaderConfiguration()).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    // The multiplexer may also restore a dropped socket by itself; count that and re-check for gaps.
                    connection.ConnectionRestored += (_, _) =>
                    {
                        _statistics.OnReconnect();
                        Volatile.Write(ref _lastGapCheck, 0);
                    };
                    var db = connection.GetDatabase();
                    if (!started)
                    {
                        await StartAsync(db, cancellationToken).ConfigureAwait(false);
                        started = true;
                    }
                    else
                    {
                        _statistics.OnReconnect();
                        await DiscoverAsync(db, cancellationToken).ConfigureAwait(false);
                        await CheckGapsAsync(db, cancellationToken).ConfigureAwait(false);
                    }

                    delay = _options.ReconnectMinDelay;
                    _statistics.OnConnection(true);
                    await TailAsync(db, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
            {
                _statistics.OnConnection(false);
                if (ex is RedisException or TimeoutException)
                {
                    NautilusBridgeLog.ConnectionLost(_logger, ex.Message, delay);
                }
                else
                {
                    // A bug, not the bus: report it and retry after the last processed entry rather than stop the host.
                    NautilusBridgeLog.ReaderFaulted(_logger, ex, delay);
                }

                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
            }
        }
    }

    /// <summary>The connection options of the reader: timeouts well above the BLOCK time, fail fast on connect.</summary>
    internal ConfigurationOptions ReaderConfiguration()
    {
        var configuration = ConfigurationOptions.Parse(_options.Redis);
        configuration.Protocol = _options.Protocol;
        configuration.AbortOnConnectFail = true;
        configuration.ClientName = "riskgrpc-nautilus-reader";
        var timeout = Math.Max(5_000, _options.BlockMilliseconds * 10);
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2_000);
        configuration.ConnectRetry = 1;
        return configuration;
    }

    private async Task StartAsync(IDatabase db, CancellationToken cancellationToken)
    {
        await DiscoverAsync(db, cancellationToken).ConfigureAwait(false);
        var checkpoints = await db.HashGetAllAsync(_options.CheckpointKey).ConfigureAwait(false);
        foreach (var key in _streams.Keys.ToList())
        {
            var checkpoint = checkpoints.FirstOrDefault(c => c.Name == key) is { Value.HasValue: true } found
                ? StreamId.Parse((string)found.Value!)
                : StreamId.Zero;
            var info = await InfoAsync(db, key).ConfigureAwait(false);

            // The state lives in memory: rebuild it from everything retained, not only from the checkpoint on. If the
            // retained window is not the whole history, the rebuilt state may miss something: that flags resync.
            _streams[key].Begin(info);
            if (info.IsHistoryIncomplete(checkpoint))
            {
                NautilusBridgeLog.TrimmedGap(_logger, key, checkpoint.ToString(), info.FirstEntry?.ToString() ?? "none", info.MaxDeleted?.ToString() ?? "unknown");
                if (!_state.RebuildingAfterGap)
                {
                    _statistics.OnResync();
                    _state.MarkResync();
                    _state.RebuildingAfterGap = true;
                }
            }

            var replayed = await ReplayAsync(db, key, cancellationToken).ConfigureAwait(false);
            NautilusBridgeLog.Rebuilt(_logger, replayed, key, checkpoint.ToString());
        }

        _state.RebuildingAfterGap = false;
    }

    /// <summary><c>XRANGE</c> the retained entries after the last read one, in pages, through the normal batch path.</summary>
    private async Task<long> ReplayAsync(IDatabase db, string key, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var reply = await db.ExecuteAsync("XRANGE", key, "(" + _streams[key].LastRead, "+", "COUNT", _options.ReadCount).ConfigureAwait(false);
            var entries = RespReplies.ParseXRange(key, reply);
            if (entries.Count == 0)
            {
                return total;
            }

            await ProcessAsync(db, entries, cancellationToken).ConfigureAwait(false);
            total += entries.Count;
        }
    }

    private async Task TailAsync(IDatabase db, CancellationToken cancellationToken)
    {
        var args = new List<object>();
        while (!cancellationToken.IsCancellationRequested)
        {
            await MaintainAsync(db, cancellationToken).ConfigureAwait(false);
            if (_streams.Count == 0)
            {
                await Task.Delay(_options.KeyDiscoveryInterval, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            args.Clear();
            args.AddRange(["COUNT", _options.ReadCount, "BLOCK", _options.BlockMilliseconds, "STREAMS"]);
            args.AddRange(_streams.Keys);
            args.AddRange(_streams.Values.Select(p => (object)p.LastRead.ToString()));
            var reply = await db.ExecuteAsync("XREAD", args).ConfigureAwait(false);
            var entries = RespReplies.ParseXRead(reply);
            if (entries.Count > 0)
            {
                if (_streams.Count > 1)
                {
                    // Per-topic keys: one order across topics, as close to publication order as stream ids allow.
                    entries.Sort(static (a, b) => a.Id.CompareTo(b.Id));
                }

                await ProcessAsync(db, entries, cancellationToken).ConfigureAwait(false);
            }
        }

        // Stopping: the last checkpoint may be up to an interval old.
        await WriteCheckpointAsync(db, CommandFlags.None).ConfigureAwait(false);
    }

    private async Task MaintainAsync(IDatabase db, CancellationToken cancellationToken)
    {
        var now = _time.GetTimestamp();
        if (_options.StreamPerTopic && _time.GetElapsedTime(_lastDiscovery, now) >= _options.KeyDiscoveryInterval)
        {
            await DiscoverAsync(db, cancellationToken).ConfigureAwait(false);
        }

        var lastGapCheck = Volatile.Read(ref _lastGapCheck);
        if (lastGapCheck == 0 || _time.GetElapsedTime(lastGapCheck, now) >= _options.GapCheckInterval)
        {
            await CheckGapsAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CheckGapsAsync(IDatabase db, CancellationToken cancellationToken)
    {
        _lastGapCheck = _time.GetTimestamp();
        var gap = false;
        foreach (var (key, progress) in _streams)
        {
            var lastRead = progress.LastRead;
            var info = await InfoAsync(db, key).ConfigureAwait(false);
            if (progress.DetectGap(info))
            {
                NautilusBridgeLog.TrimmedGap(_logger, key, lastRead.ToString(), info.FirstEntry?.ToString() ?? "none", info.MaxDeleted?.ToString() ?? "unknown");
                gap = true;
            }
        }

        if (gap)
        {
            // Position events carry full state, so applying what is retained after the gap repairs what it can;
            // resync tells readers that something may still be missing.
            _statistics.OnResync();
            _state.MarkResync();
            await FlushBatchAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<StreamInfo> InfoAsync(IDatabase db, string key)
    {
        try
        {
            return RespReplies.ParseXInfo(await db.ExecuteAsync("XINFO", "STREAM", key).ConfigureAwait(false));
        }
        catch (RedisServerException ex) when (ex.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
        {
            return StreamInfo.Missing;
        }
    }
}
