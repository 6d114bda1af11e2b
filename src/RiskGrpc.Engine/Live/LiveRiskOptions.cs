namespace RiskGrpc.Engine.Live;

/// <summary>Limits and pacing of the live risk engine (configuration section "LiveRisk").</summary>
public sealed class LiveRiskOptions
{
    /// <summary>The configuration section the server binds.</summary>
    public const string SectionName = "LiveRisk";

    /// <summary>Worker loops portfolios are partitioned over by hash of their id; 0 means one per processor.</summary>
    public int Partitions { get; set; }

    /// <summary>A portfolio with no active writer or watcher is dropped after this long without events.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often each partition looks for idle portfolios.</summary>
    public TimeSpan ExpiryScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events a stream may have queued in the engine before its reader waits (back-pressure).</summary>
    public int MaxInFlightPerSession { get; set; } = 1024;

    /// <summary>
    /// Capacity of a stream's outbox. Updates take at most one slot per portfolio (coalesced); errors and
    /// acknowledgements one each. A stream whose client stops reading while its outbox is full is ended with
    /// RESOURCE_EXHAUSTED rather than blocking the engine.
    /// </summary>
    public int OutboxCapacity { get; set; } = 8192;

    /// <summary>Portfolios one stream may write or watch; must leave room in the outbox for errors.</summary>
    public int MaxPortfoliosPerSession { get; set; } = 4096;

    /// <summary>Instruments one position-defined portfolio may hold.</summary>
    public int MaxInstrumentsPerPortfolio { get; set; } = 10_000;

    /// <summary>Window length of a portfolio that has not configured one.</summary>
    public int DefaultWindowLength { get; set; } = 252;

    /// <summary>Largest window length a configuration may ask for.</summary>
    public int MaxWindowLength { get; set; } = 10_000;

    /// <summary>
    /// When the host stops, how long a Connect stream is still read after it was told to drain; a client that
    /// half-closes sooner ends its call sooner. Keep it below the host's shutdown timeout.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The partition count after resolving 0.</summary>
    public int EffectivePartitions => Partitions > 0 ? Partitions : Environment.ProcessorCount;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Partitions);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(IdleExpiry, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ExpiryScanInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DrainTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInFlightPerSession, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPortfoliosPerSession, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(OutboxCapacity, 2 * MaxPortfoliosPerSession);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxInstrumentsPerPortfolio, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWindowLength, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(DefaultWindowLength, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DefaultWindowLength, MaxWindowLength);
    }
}
