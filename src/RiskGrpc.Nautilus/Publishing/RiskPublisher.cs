using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RiskGrpc.Nautilus.Decoding;
using RiskGrpc.Nautilus.Engine;
using RiskGrpc.Nautilus.State;
using StackExchange.Redis;

namespace RiskGrpc.Nautilus.Publishing;

/// <summary>
/// Writes <c>PortfolioRisk</c> entries (<c>XADD key MAXLEN ~ n * topic … payload …</c>). Portfolios are marked dirty
/// when the engine answers; one loop writes every dirty portfolio's latest view and risk as one pipelined batch, so
/// a burst of quotes coalesces into one entry per portfolio per round trip instead of one per quote. A failed batch
/// is retried: its portfolios stay dirty.
/// </summary>
internal sealed class RiskPublisher
{
    private readonly NautilusOptions _options;
    private readonly Func<string, PortfolioView?> _view;
    private readonly Func<string, EngineRisk?> _risk;
    private readonly NautilusBridgeStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _publishedResyncCount = new(StringComparer.Ordinal);
    private readonly Channel<byte> _signal = Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public RiskPublisher(NautilusOptions options, Func<string, PortfolioView?> view, Func<string, EngineRisk?> risk, NautilusBridgeStatistics statistics, TimeProvider time, ILogger logger)
    {
        _options = options;
        _view = view;
        _risk = risk;
        _statistics = statistics;
        _time = time;
        _logger = logger;
    }

    /// <summary>Marks a portfolio for publication.</summary>
    public void MarkDirty(string portfolioId)
    {
        _dirty[portfolioId] = 0;
        _signal.Writer.TryWrite(0);
    }

    /// <summary>Publishes until cancelled, through the database <paramref name="database"/> returns (null while disconnected).</summary>
    public async Task RunAsync(Func<IDatabase?> database, CancellationToken cancellationToken)
    {
        var key = new RedisKey(_options.EffectivePublishStream);
        var batch = new List<string>();
        var writes = new List<Task>();
        var resyncCounts = new List<(string Id, long Count)>();
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            await _signal.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            batch.Clear();
            foreach (var id in _dirty.Keys)
            {
                if (_dirty.TryRemove(id, out _))
                {
                    batch.Add(id);
                }
            }

            var db = database();
            try
            {
                if (db is null)
                {
                    throw new RedisException("not connected");
                }

                writes.Clear();
                resyncCounts.Clear();
                var tsInit = NautilusTimestamp.FromDateTimeOffset(_time.GetUtcNow());
                foreach (var id in batch)
                {
                    if (_view(id) is not { } view)
                    {
                        continue;
                    }

                    var resync = view.ResyncCount > _publishedResyncCount.GetValueOrDefault(id);
                    var payload = PayloadWriter.Encode(PortfolioRiskPayload.Build(view, _risk(id), resync, tsInit), _options.PublishEncoding);
                    writes.Add(db.StreamAddAsync(
                        key,
                        [new NameValueEntry("topic", PortfolioRiskPayload.TopicOf(id)), new NameValueEntry("payload", payload)],
                        maxLength: _options.PublishMaxLength,
                        useApproximateMaxLength: true));
                    resyncCounts.Add((id, view.ResyncCount));
                }

                await Task.WhenAll(writes).ConfigureAwait(false);
                foreach (var (id, count) in resyncCounts)
                {
                    _publishedResyncCount[id] = count;
                }

                _statistics.OnPublished(writes.Count);
                failing = false;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                if (!failing)
                {
                    NautilusBridgeLog.PublishFailed(_logger, ex.Message);
                    failing = true;
                }

                foreach (var id in batch)
                {
                    MarkDirty(id);
                }

                await Task.Delay(_options.ReconnectMinDelay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
