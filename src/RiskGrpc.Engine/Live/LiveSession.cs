using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;

namespace RiskGrpc.Engine.Live;

/// <summary>
/// One stream's view of the engine: it submits events (bounded by in-flight credits, so a fast client waits
/// instead of growing queues) and drains one bounded outbox from a single writer loop. Producers (partition
/// workers) only enqueue and never wait; updates are coalesced per portfolio.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "SemaphoreSlim needs disposing only after AvailableWaitHandle was used, which it never is.")]
public sealed class LiveSession
{
    private readonly LiveRiskEngine _engine;
    private readonly Channel<LiveOutboxItem> _outbox;
    private readonly SemaphoreSlim _credits;
    private readonly int _maxInFlight;
    private readonly int _capacity;
    private int _owned;
    private volatile bool _active = true;
    private volatile bool _closed;

    internal LiveSession(LiveRiskEngine engine, long id, LiveRiskOptions options)
    {
        _engine = engine;
        Id = id;
        _capacity = options.OutboxCapacity;
        _maxInFlight = options.MaxInFlightPerSession;
        _credits = new SemaphoreSlim(_maxInFlight, _maxInFlight);
        _outbox = Channel.CreateBounded<LiveOutboxItem>(new BoundedChannelOptions(_capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>A process-unique id for logs.</summary>
    public long Id { get; }

    /// <summary>What the stream's writer loop drains. Completes when the session completes; faults with
    /// <see cref="LiveSessionOverflowException"/> when the client stopped reading.</summary>
    public ChannelReader<LiveOutboxItem> Outbox => _outbox.Reader;

    /// <summary>False once the session has completed: its portfolios can be claimed by another writer.</summary>
    public bool IsActive => _active;

    internal int OwnedPortfolios => Volatile.Read(ref _owned);

    /// <summary>
    /// Queues an event for its portfolio's worker, waiting while <see cref="LiveRiskOptions.MaxInFlightPerSession"/>
    /// events of this session are queued. An event without a valid portfolio id is answered at once.
    /// </summary>
    public ValueTask SubmitAsync(LiveEvent evt, CancellationToken cancellationToken) =>
        _engine.SubmitAsync(this, evt, cancellationToken);

    /// <summary>Subscribes the session to a portfolio's updates; the first one is its current state.</summary>
    public ValueTask WatchAsync(string portfolioId, CancellationToken cancellationToken) =>
        _engine.WatchAsync(this, portfolioId, cancellationToken);

    /// <summary>
    /// Ends the session after every submitted event has been applied and answered: waits for the in-flight
    /// events, completes the outbox (the writer loop then drains it) and releases the writer role.
    /// </summary>
    public async Task CompleteAsync()
    {
        for (var i = 0; i < _maxInFlight; i++)
        {
            await _credits.WaitAsync().ConfigureAwait(false);
        }

        _active = false;
        _closed = true;
        _outbox.Writer.TryComplete();
        _engine.OnSessionCompleted();
    }

    /// <summary>
    /// Queues a <see cref="LiveOutboxItemKind.Draining"/> notice behind everything already queued: the host is
    /// stopping, and the stream should half-close so that the call can end with its status. A no-op once the
    /// session has completed.
    /// </summary>
    public void AnnounceDraining() => Post(LiveOutboxItem.ForDraining());

    internal ValueTask AcquireCreditAsync(CancellationToken cancellationToken)
    {
        var wait = _credits.WaitAsync(cancellationToken);
        return wait.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(wait);
    }

    internal void ReleaseCredit() => _credits.Release();

    internal void AddOwned() => Interlocked.Increment(ref _owned);

    internal void Post(in LiveOutboxItem item)
    {
        if (_outbox.Writer.TryWrite(item) || _closed)
        {
            return;
        }

        // Full: the client is not reading. Never block a worker; end this stream instead.
        _closed = true;
        _active = false;
        if (_outbox.Writer.TryComplete(new LiveSessionOverflowException()))
        {
            _engine.OnSessionOverflowed(this, _capacity);
        }
    }
}
