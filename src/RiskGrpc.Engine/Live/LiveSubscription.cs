namespace RiskGrpc.Engine.Live;

/// <summary>
/// One subscriber's slot for one portfolio: the latest update not yet written. The portfolio's worker offers
/// updates, the stream's writer loop takes them; an offer while one is pending replaces it (latest wins) and is
/// counted as coalesced. At most one outbox item per subscription is queued at any time.
/// </summary>
public sealed class LiveSubscription
{
    private readonly Lock _gate = new();
    private readonly LiveRiskSnapshot _latest = new();
    private bool _pending;
    private long _coalesced;

    internal LiveSubscription(LiveSession session, string portfolioId)
    {
        Session = session;
        PortfolioId = portfolioId;
    }

    /// <summary>The portfolio.</summary>
    public string PortfolioId { get; }

    internal LiveSession Session { get; }

    /// <summary>
    /// Copies the pending update into <paramref name="destination"/> with the number of updates it replaced;
    /// false when nothing is pending.
    /// </summary>
    public bool TakeLatest(LiveRiskSnapshot destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_gate)
        {
            if (!_pending)
            {
                return false;
            }

            _latest.CopyTo(destination);
            destination.CoalescedUpdates = _coalesced;
            _coalesced = 0;
            _pending = false;
            return true;
        }
    }

    /// <summary>Stores <paramref name="source"/>; true when the caller must queue an outbox item, false when it replaced a pending one.</summary>
    internal bool Offer(LiveRiskSnapshot source)
    {
        lock (_gate)
        {
            source.CopyTo(_latest);
            if (_pending)
            {
                _coalesced++;
                return false;
            }

            _pending = true;
            return true;
        }
    }
}
