using System.Threading.Channels;

namespace RiskGrpc.Engine.Live;

/// <summary>
/// One worker loop and the portfolios hashed to it. Only the loop touches the portfolio dictionary and states,
/// so events of a portfolio apply in arrival order without locks. The queue is unbounded by type but bounded
/// in practice: events and watches each hold one of their session's in-flight credits, flushes are at most
/// one per paced portfolio and sweeps one per scan interval.
/// </summary>
internal sealed partial class LivePartition : IAsyncDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions
    {
        SingleReader = true,
        SingleWriter = false,
    });

    private readonly Dictionary<string, PortfolioState> _portfolios = new(StringComparer.Ordinal);
    private readonly LiveRiskOptions _options;
    private readonly TimeProvider _time;
    private readonly LiveRiskMetrics _metrics;
    private readonly ILiveRiskDiagnostics _diagnostics;
    private readonly LiveRiskSettings _defaultSettings;
    private readonly ITimer _sweepTimer;
    private readonly Task _loop;
    private int _portfolioCount;
    private int _queueDepth;

    public LivePartition(LiveRiskOptions options, TimeProvider time, LiveRiskMetrics metrics, ILiveRiskDiagnostics diagnostics)
    {
        _options = options;
        _time = time;
        _metrics = metrics;
        _diagnostics = diagnostics;
        _defaultSettings = LiveRiskSettings.CreateDefault(options.DefaultWindowLength);
        _sweepTimer = time.CreateTimer(static s => ((LivePartition)s!).RequestSweep(), this, options.ExpiryScanInterval, options.ExpiryScanInterval);
        _loop = Task.Run(RunAsync);
    }

    public int PortfolioCount => Volatile.Read(ref _portfolioCount);

    /// <summary>Work items (events, snapshots, sweeps) waiting for this partition's worker.</summary>
    public int QueueDepth => Math.Max(0, Volatile.Read(ref _queueDepth));

    public void Enqueue(in WorkItem item)
    {
        // Counted before the write so the reader's decrement can never precede it (the single-reader channel has no Count).
        Interlocked.Increment(ref _queueDepth);
        if (!_queue.Writer.TryWrite(item))
        {
            Interlocked.Decrement(ref _queueDepth);
            item.Session?.ReleaseCredit();
            throw new ObjectDisposedException(nameof(LiveRiskEngine), "The live risk engine has stopped.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweepTimer.DisposeAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        foreach (var state in _portfolios.Values)
        {
            state.FlushTimer?.Dispose();
        }
    }

    private void RequestSweep()
    {
        Interlocked.Increment(ref _queueDepth);
        if (!_queue.Writer.TryWrite(new WorkItem { Kind = WorkItemKind.Sweep }))
        {
            Interlocked.Decrement(ref _queueDepth);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                Interlocked.Decrement(ref _queueDepth);
                Execute(item);
            }
        }
    }

    private void Execute(in WorkItem item)
    {
        try
        {
            switch (item.Kind)
            {
                case WorkItemKind.Event:
                    Process(item.Session!, item.Event);
                    break;
                case WorkItemKind.Watch:
                    Subscribe(item.Session!, item.Event.PortfolioId);
                    break;
                case WorkItemKind.Flush:
                    Flush(item.Target!);
                    break;
                case WorkItemKind.Sweep:
                    Sweep();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown work item {item.Kind}.");
            }
        }
        catch (Exception ex)
        {
            // A bug, not a client error: report it, answer the event, keep the loop (and every other portfolio) alive.
            var portfolioId = item.Event.PortfolioId ?? item.Target?.Id ?? string.Empty;
            _diagnostics.WorkerFaulted(portfolioId, ex);
            if (item.Session is { } session)
            {
                _metrics.EventsRejected.Add(1);
                session.Post(LiveOutboxItem.ForError(LiveEventError.Create(item.Event, LiveEventErrorReason.Internal, "the server failed to apply the event; it was not applied", false)));
            }
        }
        finally
        {
            if (item.Kind is WorkItemKind.Event or WorkItemKind.Watch)
            {
                item.Session!.ReleaseCredit();
            }
        }
    }

    private PortfolioState GetOrCreate(string portfolioId)
    {
        if (!_portfolios.TryGetValue(portfolioId, out var state))
        {
            state = new PortfolioState(portfolioId, _defaultSettings, _time.GetTimestamp());
            _portfolios.Add(portfolioId, state);
            Interlocked.Increment(ref _portfolioCount);
            _metrics.Portfolios.Add(1);
        }

        return state;
    }

    private void Subscribe(LiveSession session, string portfolioId)
    {
        var state = GetOrCreate(portfolioId);
        var subscription = new LiveSubscription(session, portfolioId);
        state.Subscribers.Add(subscription);
        state.Evaluate(_time);
        Offer(subscription, state.Snapshot);
    }

    private void Flush(PortfolioState state)
    {
        if (!state.Removed && state.PublishPending)
        {
            Publish(state);
        }
    }

    private void Sweep()
    {
        foreach (var state in _portfolios.Values)
        {
            var idle = _time.GetElapsedTime(state.LastActivityTimestamp);
            if (idle < _options.IdleExpiry || !state.IsOrphaned)
            {
                continue;
            }

            _portfolios.Remove(state.Id);
            state.Removed = true;
            state.FlushTimer?.Dispose();
            Interlocked.Decrement(ref _portfolioCount);
            _metrics.Portfolios.Add(-1);
            _metrics.PortfoliosExpired.Add(1);
            _diagnostics.PortfolioExpired(state.Id, idle);
        }
    }

    private void Publish(PortfolioState state)
    {
        state.PublishPending = false;
        state.LastPublishTimestamp = _time.GetTimestamp();
        state.Evaluate(_time);
        var subscribers = state.Subscribers;
        for (var i = subscribers.Count - 1; i >= 0; i--)
        {
            var subscription = subscribers[i];
            if (!subscription.Session.IsActive)
            {
                subscribers.RemoveAt(i);
                continue;
            }

            Offer(subscription, state.Snapshot);
        }
    }

    private void Offer(LiveSubscription subscription, LiveRiskSnapshot snapshot)
    {
        _metrics.UpdatesPublished.Add(1);
        if (subscription.Offer(snapshot))
        {
            subscription.Session.Post(LiveOutboxItem.ForUpdate(subscription));
        }
        else
        {
            _metrics.UpdatesCoalesced.Add(1);
        }
    }
}
