namespace RiskGrpc.Nautilus;

/// <summary>Counters of the bridge (a moment's view, updated with interlocked operations).</summary>
public sealed class NautilusBridgeStatistics
{
    private long _entriesRead;
    private long _entriesApplied;
    private long _duplicateFills;
    private long _heartbeats;
    private long _unknownTypes;
    private long _ignoredKnownTypes;
    private long _unknownFields;
    private long _malformed;
    private long _resyncs;
    private long _reconnects;
    private long _published;
    private long _engineRejections;
    private long _lastHeartbeatNs;
    private string _lastEntryId = "0-0";
    private long _lastActivityTimestamp;
    private int _connected;

    /// <summary>Stream entries read (including replayed ones).</summary>
    public long EntriesRead => Volatile.Read(ref _entriesRead);

    /// <summary>Entries that changed or refreshed state.</summary>
    public long EntriesApplied => Volatile.Read(ref _entriesApplied);

    /// <summary>OrderFilled repeats (the fills and order topics carry each fill).</summary>
    public long DuplicateFills => Volatile.Read(ref _duplicateFills);

    /// <summary><c>health:heartbeat</c> entries.</summary>
    public long Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>UNIX ns of the last heartbeat (0 when none).</summary>
    public long LastHeartbeatNs => Volatile.Read(ref _lastHeartbeatNs);

    /// <summary>Entries of a payload type the bridge does not know.</summary>
    public long UnknownTypes => Volatile.Read(ref _unknownTypes);

    /// <summary>Entries of a known type the bridge does not use (e.g. TradeTick).</summary>
    public long IgnoredKnownTypes => Volatile.Read(ref _ignoredKnownTypes);

    /// <summary>Payload keys the decoder did not know (ignored).</summary>
    public long UnknownFields => Volatile.Read(ref _unknownFields);

    /// <summary>Entries skipped as malformed.</summary>
    public long Malformed => Volatile.Read(ref _malformed);

    /// <summary>Trimmed gaps detected (each flags resync on the next published risk of every portfolio).</summary>
    public long Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>Reconnections to Redis after a failure.</summary>
    public long Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>PortfolioRisk entries written.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Events the live risk engine rejected.</summary>
    public long EngineRejections => Volatile.Read(ref _engineRejections);

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the last entry (heartbeats included) was read; 0 before the first.</summary>
    public long LastActivityTimestamp => Volatile.Read(ref _lastActivityTimestamp);

    /// <summary>True while the reader holds a working connection.</summary>
    public bool ReaderConnected => Volatile.Read(ref _connected) == 1;

    /// <summary>The id of the last entry whose batch was fully processed (views stored, engine events submitted).</summary>
    public string LastEntryId => Volatile.Read(ref _lastEntryId);

    internal void OnRead(long timestamp)
    {
        Interlocked.Increment(ref _entriesRead);
        Volatile.Write(ref _lastActivityTimestamp, timestamp);
    }

    internal void OnConnection(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    internal void OnProcessed(string entryId) => Volatile.Write(ref _lastEntryId, entryId);

    internal void OnApplied() => Interlocked.Increment(ref _entriesApplied);

    internal void OnDuplicateFill() => Interlocked.Increment(ref _duplicateFills);

    internal void OnHeartbeat(ulong ns)
    {
        Interlocked.Increment(ref _heartbeats);
        Volatile.Write(ref _lastHeartbeatNs, (long)ns);
    }

    internal void OnIgnored(bool known) => Interlocked.Increment(ref known ? ref _ignoredKnownTypes : ref _unknownTypes);

    internal void OnUnknownFields(int count) => Interlocked.Add(ref _unknownFields, count);

    internal void OnMalformed() => Interlocked.Increment(ref _malformed);

    internal void OnResync() => Interlocked.Increment(ref _resyncs);

    internal void OnReconnect() => Interlocked.Increment(ref _reconnects);

    internal void OnPublished(int count) => Interlocked.Add(ref _published, count);

    internal void OnEngineRejection() => Interlocked.Increment(ref _engineRejections);
}
