using System.Diagnostics.Metrics;

namespace RiskGrpc.Engine.Live;

/// <summary>
/// Live portfolio risk: portfolios are partitioned by hash of their id over N worker loops, so events of one
/// portfolio apply in order and no lock is shared between portfolios. Sessions (streams) submit events and read
/// an outbox. Counters are on the meter <c>"RiskGrpc.LiveRisk"</c>.
/// </summary>
public sealed class LiveRiskEngine : IAsyncDisposable
{
    private readonly LivePartition[] _partitions;
    private readonly LiveRiskOptions _options;
    private readonly ILiveRiskDiagnostics _diagnostics;
    private long _nextSessionId;

    /// <summary>Starts the worker loops.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public LiveRiskEngine(LiveRiskOptions options, TimeProvider timeProvider, IMeterFactory meterFactory, ILiveRiskDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(diagnostics);
        options.Validate();
        _options = options;
        _diagnostics = diagnostics;
        Metrics = new LiveRiskMetrics(meterFactory);
        _partitions = new LivePartition[options.EffectivePartitions];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = new LivePartition(options, timeProvider, Metrics, diagnostics);
        }

        Metrics.ObserveQueueDepth(() => QueueDepth);
    }

    /// <summary>The meter name the engine's counters are on.</summary>
    public static string MeterName => LiveRiskMetrics.MeterName;

    internal LiveRiskMetrics Metrics { get; }

    /// <summary>Portfolios currently held, over all partitions (a moment's view).</summary>
    public int PortfolioCount
    {
        get
        {
            var total = 0;
            foreach (var partition in _partitions)
            {
                total += partition.PortfolioCount;
            }

            return total;
        }
    }

    /// <summary>Work items waiting for the partition workers, over all partitions (a moment's view).</summary>
    public int QueueDepth
    {
        get
        {
            var total = 0;
            foreach (var partition in _partitions)
            {
                total += partition.QueueDepth;
            }

            return total;
        }
    }

    /// <summary>Opens a session for one stream; complete it with <see cref="LiveSession.CompleteAsync"/>.</summary>
    public LiveSession OpenSession()
    {
        Metrics.Sessions.Add(1);
        return new LiveSession(this, Interlocked.Increment(ref _nextSessionId), _options);
    }

    /// <summary>Stops the workers after they drain their queues.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var partition in _partitions)
        {
            await partition.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal async ValueTask SubmitAsync(LiveSession session, LiveEvent evt, CancellationToken cancellationToken)
    {
        if (!IsValidPortfolioId(evt.PortfolioId))
        {
            Metrics.EventsRejected.Add(1);
            session.Post(LiveOutboxItem.ForError(LiveEventError.Create(
                evt with { PortfolioId = evt.PortfolioId ?? string.Empty },
                LiveEventErrorReason.InvalidArgument,
                "portfolio_id must be 1 to 128 characters",
                false)));
            return;
        }

        await session.AcquireCreditAsync(cancellationToken).ConfigureAwait(false);
        PartitionOf(evt.PortfolioId).Enqueue(new WorkItem { Kind = WorkItemKind.Event, Session = session, Event = evt });
    }

    internal async ValueTask WatchAsync(LiveSession session, string portfolioId, CancellationToken cancellationToken)
    {
        if (!IsValidPortfolioId(portfolioId))
        {
            throw new ArgumentException("portfolio_id must be 1 to 128 characters.", nameof(portfolioId));
        }

        await session.AcquireCreditAsync(cancellationToken).ConfigureAwait(false);
        PartitionOf(portfolioId).Enqueue(new WorkItem
        {
            Kind = WorkItemKind.Watch,
            Session = session,
            Event = new LiveEvent { PortfolioId = portfolioId },
        });
    }

    internal void OnSessionCompleted() => Metrics.Sessions.Add(-1);

    internal void OnSessionOverflowed(LiveSession session, int capacity)
    {
        Metrics.SessionsOverflowed.Add(1);
        _diagnostics.SessionOverflowed(session.Id, capacity);
    }

    /// <summary>Checks a portfolio id: 1 to 128 characters.</summary>
    public static bool IsValidPortfolioId(string? portfolioId) => portfolioId is { Length: > 0 and <= 128 };

    private LivePartition PartitionOf(string portfolioId) =>
        _partitions[(int)((uint)portfolioId.GetHashCode(StringComparison.Ordinal) % (uint)_partitions.Length)];
}
