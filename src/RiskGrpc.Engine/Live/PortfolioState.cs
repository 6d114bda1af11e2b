using RiskGrpc.Engine.Live.Windows;

namespace RiskGrpc.Engine.Live;

/// <summary>
/// Everything the engine knows about one portfolio. Owned by exactly one partition worker: no member is ever
/// touched by another thread, so none needs a lock (subscribers synchronise only on their own slot).
/// </summary>
internal sealed class PortfolioState
{
    public PortfolioState(string id, LiveRiskSettings settings, long createdTimestamp)
    {
        Id = id;
        Settings = settings;
        Window = new RollingWindow(settings.WindowLength, settings.RiskFreePerPeriod);
        LastActivityTimestamp = createdTimestamp;
        Snapshot.PortfolioId = id;
    }

    public string Id { get; }

    public LiveRiskSettings Settings { get; set; }

    public RollingWindow Window { get; set; }

    public PortfolioKind Kind { get; set; }

    public PositionBook? Positions { get; set; }

    public ulong LastSequence { get; set; }

    public long TotalObservations { get; set; }

    public DateTimeOffset AsOf { get; set; }

    public double PeriodPnl { get; set; }

    public long LastActivityTimestamp { get; set; }

    public long LastReceivedTimestamp { get; set; }

    public LiveSession? Writer { get; set; }

    public List<LiveSubscription> Subscribers { get; } = [];

    public LiveRiskSnapshot Snapshot { get; } = new();

    public long LastPublishTimestamp { get; set; }

    public bool PublishPending { get; set; }

    public ITimer? FlushTimer { get; set; }

    public bool Removed { get; set; }

    /// <summary>True when no live stream writes or watches the portfolio.</summary>
    public bool IsOrphaned
    {
        get
        {
            if (Writer is { IsActive: true })
            {
                return false;
            }

            foreach (var subscriber in Subscribers)
            {
                if (subscriber.Session.IsActive)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Refreshes <see cref="Snapshot"/> from the window, positions and counters.</summary>
    public void Evaluate(TimeProvider time)
    {
        var snapshot = Snapshot;
        Window.Evaluate(Settings, snapshot);
        snapshot.LastAppliedSequence = LastSequence;
        snapshot.AsOf = AsOf;
        snapshot.TotalObservations = TotalObservations;
        snapshot.Selection = Settings.Selection;
        snapshot.IsPositionPortfolio = Kind == PortfolioKind.Positions;
        if (Positions is { } book)
        {
            snapshot.GrossExposure = book.GrossExposure;
            snapshot.NetExposure = book.NetExposure;
            snapshot.TotalPnl = book.TotalPnl;
            snapshot.OpenPositions = book.OpenPositions;
            snapshot.PeriodPnl = PeriodPnl;
        }

        snapshot.ProcessingTime = LastReceivedTimestamp == 0 ? TimeSpan.Zero : time.GetElapsedTime(LastReceivedTimestamp);
        snapshot.CoalescedUpdates = 0;
    }
}
