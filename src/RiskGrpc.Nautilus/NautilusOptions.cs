using StackExchange.Redis;

namespace RiskGrpc.Nautilus;

/// <summary>
/// The NautilusTrader bridge (configuration section <c>RiskGrpc:Nautilus</c>). Nothing starts unless
/// <see cref="Enabled"/> is true.
/// </summary>
public sealed class NautilusOptions
{
    /// <summary>The configuration section the server binds.</summary>
    public const string SectionName = "RiskGrpc:Nautilus";

    /// <summary>Largest contract multiplier accepted.</summary>
    public const decimal MaxMultiplier = 10_000m;

    /// <summary>Starts the bridge; off by default, so the server needs no Redis.</summary>
    public bool Enabled { get; set; }

    /// <summary>StackExchange.Redis connection string of the node's message-bus Redis (e.g. <c>127.0.0.1:6379</c>).</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>RESP protocol of the reader's and publisher's connections (SE.Redis 3.x defaults to RESP3).</summary>
    public RedisProtocol Protocol { get; set; } = RedisProtocol.Resp3;

    /// <summary>
    /// Stream keys read in single-stream mode (<c>stream_per_topic=False</c>: <c>trader-{id}:stream</c>). In
    /// stream-per-topic mode, key prefixes: every key matching <c>{prefix}:*</c> is read.
    /// </summary>
    public IList<string> Streams { get; } = ["trader-TRADER-001:stream"];

    /// <summary>True when the node runs with <c>stream_per_topic=True</c>: keys are discovered by <c>SCAN MATCH</c>.</summary>
    public bool StreamPerTopic { get; set; }

    /// <summary>How often stream-per-topic mode looks for new keys.</summary>
    public TimeSpan KeyDiscoveryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Payload encoding of v1 entries (the node's <c>MessageBusConfig.encoding</c>); v2 entries name their own.</summary>
    public NautilusEncoding Encoding { get; set; } = NautilusEncoding.Msgpack;

    /// <summary>What one risk portfolio is: the events of one trader, one strategy or one account.</summary>
    public NautilusPortfolioKey PortfolioKey { get; set; } = NautilusPortfolioKey.Strategy;

    /// <summary>Prefix of the live-risk portfolio id (<c>{prefix}{trader|strategy|account id}</c>), the id to Watch.</summary>
    public string PortfolioIdPrefix { get; set; } = "nautilus:";

    /// <summary>Stream the risk is published to; <c>{trader_id}</c> is replaced by <see cref="TraderId"/>.</summary>
    public string PublishStream { get; set; } = "risk-{trader_id}:stream";

    /// <summary>Trader id substituted into <see cref="PublishStream"/>.</summary>
    public string TraderId { get; set; } = "TRADER-001";

    /// <summary>Payload encoding of the published entries; the node's <c>external_streams</c> reader decodes with its own.</summary>
    public NautilusEncoding PublishEncoding { get; set; } = NautilusEncoding.Msgpack;

    /// <summary>Approximate cap of the publish stream (<c>XADD MAXLEN ~</c>).</summary>
    public int PublishMaxLength { get; set; } = 100_000;

    /// <summary>Contract multipliers by instrument id (e.g. <c>ESZ4.CME: 50</c>); instruments not listed use 1.</summary>
    public IDictionary<string, decimal> Instruments { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Entries per <c>XREAD</c>/<c>XRANGE</c> call.</summary>
    public int ReadCount { get; set; } = 512;

    /// <summary><c>XREAD BLOCK</c> milliseconds; the loop wakes at least this often.</summary>
    public int BlockMilliseconds { get; set; } = 100;

    /// <summary>Redis hash holding the reader's checkpoint (one field per stream key).</summary>
    public string CheckpointKey { get; set; } = "riskgrpc:nautilus:checkpoint";

    /// <summary>Least time between two checkpoint writes (the first batch and every batch after this long write one).</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The health check reports Degraded when nothing (not even a <c>health:heartbeat</c>) was read for this long; zero
    /// disables that part (set it above the node's <c>heartbeat_interval_secs</c>).
    /// </summary>
    public TimeSpan NodeSilenceTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>First reconnect delay; doubles up to <see cref="ReconnectMaxDelay"/>.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Largest reconnect delay.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the reader checks that nothing it has not read was trimmed (<c>XINFO STREAM</c>).</summary>
    public TimeSpan GapCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>OrderFilled event ids remembered for de-duplication (the same fill arrives on two topics).</summary>
    public int FillDeduplicationCapacity { get; set; } = 65_536;

    /// <summary>The publish stream key with <see cref="TraderId"/> substituted.</summary>
    public string EffectivePublishStream => PublishStream.Replace("{trader_id}", TraderId, StringComparison.Ordinal);

    /// <summary>The multiplier of an instrument (1 when not configured).</summary>
    public decimal MultiplierOf(string instrumentId) => Instruments.TryGetValue(instrumentId, out var m) ? m : 1m;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">A value is out of range or missing.</exception>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Redis, $"{SectionName}:Redis");
        if (Streams.Count == 0 || Streams.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"{SectionName}:Streams must list at least one non-empty stream key.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(PublishStream, $"{SectionName}:PublishStream");
        if (Streams.Contains(EffectivePublishStream, StringComparer.Ordinal))
        {
            throw new ArgumentException($"{SectionName}:PublishStream must differ from the streams the bridge reads.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ReadCount, 1, $"{SectionName}:ReadCount");
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockMilliseconds, 1, $"{SectionName}:BlockMilliseconds");
        ArgumentOutOfRangeException.ThrowIfLessThan(PublishMaxLength, 1, $"{SectionName}:PublishMaxLength");
        ArgumentOutOfRangeException.ThrowIfLessThan(FillDeduplicationCapacity, 1, $"{SectionName}:FillDeduplicationCapacity");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReconnectMinDelay, TimeSpan.Zero, $"{SectionName}:ReconnectMinDelay");
        ArgumentOutOfRangeException.ThrowIfLessThan(ReconnectMaxDelay, ReconnectMinDelay, $"{SectionName}:ReconnectMaxDelay");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(GapCheckInterval, TimeSpan.Zero, $"{SectionName}:GapCheckInterval");
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointInterval, TimeSpan.Zero, $"{SectionName}:CheckpointInterval");
        ArgumentOutOfRangeException.ThrowIfLessThan(NodeSilenceTimeout, TimeSpan.Zero, $"{SectionName}:NodeSilenceTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(KeyDiscoveryInterval, TimeSpan.Zero, $"{SectionName}:KeyDiscoveryInterval");
        foreach (var (instrument, multiplier) in Instruments)
        {
            if (multiplier is <= 0 or > MaxMultiplier)
            {
                throw new ArgumentOutOfRangeException($"{SectionName}:Instruments:{instrument}", multiplier, $"A multiplier must be > 0 and ≤ {MaxMultiplier}.");
            }
        }
    }
}
