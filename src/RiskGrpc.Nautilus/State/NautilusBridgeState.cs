using RiskGrpc.Engine.Live;
using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.Nautilus.State;

/// <summary>
/// Positions, marks, accounts and P&amp;L of every Nautilus portfolio, owned by the reader loop (no locks). Entries
/// are applied one by one with <see cref="Apply"/>; <see cref="EndBatch"/> then emits the live-risk engine events of
/// the batch in bus order (a run of quotes between two fills coalesced to the latest mark per instrument) and fresh
/// views of the portfolios the batch touched.
/// </summary>
internal sealed partial class NautilusBridgeState
{
    private readonly NautilusOptions _options;
    private readonly Dictionary<string, NautilusPortfolio> _portfolios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MarkState> _marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccountStateMessage> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<NautilusPortfolio>> _holders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<NautilusPortfolio>> _accountPortfolios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _currencyScales = new(StringComparer.Ordinal);
    private readonly FillDeduplicator _fills;
    private readonly HashSet<NautilusPortfolio> _touched = [];
    private readonly HashSet<NautilusPortfolio> _sentToEngine = [];
    private readonly Dictionary<string, (string EntryId, long Received)> _marked = new(StringComparer.Ordinal);
    private readonly List<LiveEvent> _events = [];

    public NautilusBridgeState(NautilusOptions options)
    {
        _options = options;
        _fills = new FillDeduplicator(options.FillDeduplicationCapacity);
    }

    /// <summary>Portfolios known so far.</summary>
    public int PortfolioCount => _portfolios.Count;

    /// <summary>
    /// While true (a rebuild from a trimmed history), portfolios created start with resync count 1, so that their first
    /// published risk says the history they were rebuilt from is incomplete.
    /// </summary>
    public bool RebuildingAfterGap { get; set; }

    /// <summary>Ids of the known portfolios.</summary>
    public IEnumerable<string> PortfolioIds => _portfolios.Keys;

    /// <summary>Applies one message; <paramref name="receivedTimestamp"/> is <see cref="TimeProvider.GetTimestamp"/> at read.</summary>
    public ApplyOutcome Apply(string entryId, BusMessage message, long receivedTimestamp)
    {
        switch (message)
        {
            case QuoteTickMessage quote:
                UpdateMark(quote.InstrumentId, entryId, receivedTimestamp, (ref m) =>
                {
                    m.QuoteMid = quote.Mid;
                    m.QuoteTs = quote.TsEvent;
                });
                return ApplyOutcome.Applied;
            case BarMessage bar:
                UpdateMark(bar.InstrumentId, entryId, receivedTimestamp, (ref m) =>
                {
                    m.BarClose = bar.Close;
                    m.BarTs = bar.TsEvent;
                });
                return ApplyOutcome.Applied;
            case OrderFilledMessage fill:
                if (!_fills.TryAdd(fill.EventId))
                {
                    return ApplyOutcome.DuplicateFill;
                }

                var filled = Touch(PortfolioOf(fill.TraderId, fill.StrategyId, fill.AccountId), entryId, fill.TsEvent);
                filled.Fills++;
                Attach(filled, fill.AccountId);
                if (fill.Commission is { } commission)
                {
                    NoteScale(commission);
                }

                return ApplyOutcome.Applied;
            case AccountStateMessage account:
                ApplyAccount(account, entryId);
                return ApplyOutcome.Applied;
            case PositionEventMessage position:
                ApplyPosition(position, entryId, receivedTimestamp);
                return ApplyOutcome.Applied;
            default:
                return ApplyOutcome.Ignored;
        }
    }

    /// <summary>
    /// Entries were lost (trimmed before the reader saw them): every portfolio's resync count goes up, so that its next
    /// published risk carries <c>resync</c>, and every portfolio is re-published.
    /// </summary>
    public void MarkResync()
    {
        foreach (var portfolio in _portfolios.Values)
        {
            portfolio.ResyncCount++;
            _touched.Add(portfolio);
        }
    }

    /// <summary>The current view of a portfolio, or null when unknown.</summary>
    public PortfolioView? View(string portfolioId) => _portfolios.TryGetValue(portfolioId, out var p) ? BuildView(p) : null;

    /// <summary>
    /// Ends a batch: appends the engine events (fills already queued, then coalesced marks, then a snapshot request for
    /// each touched portfolio that got no sequenced event) to <paramref name="events"/> and the touched portfolios'
    /// views to <paramref name="views"/>.
    /// </summary>
    public void EndBatch(List<LiveEvent> events, List<PortfolioView> views)
    {
        FlushMarks();
        events.AddRange(_events);
        _events.Clear();
        foreach (var portfolio in _touched)
        {
            if (!_sentToEngine.Contains(portfolio))
            {
                events.Add(new LiveEvent { Kind = LiveEventKind.Snapshot, PortfolioId = portfolio.Id });
            }

            views.Add(BuildView(portfolio));
        }

        _touched.Clear();
        _sentToEngine.Clear();
    }

    private delegate void MarkUpdate(ref MarkState mark);

    /// <summary>Emits the coalesced marks so far: before a fill (so engine events keep bus order) and at batch end.</summary>
    private void FlushMarks()
    {
        foreach (var (instrument, (entryId, received)) in _marked)
        {
            EmitMarks(instrument, entryId, received);
        }

        _marked.Clear();
    }

    private void UpdateMark(string instrumentId, string entryId, long received, MarkUpdate update)
    {
        var mark = _marks.GetValueOrDefault(instrumentId);
        var before = mark.Effective;
        update(ref mark);
        _marks[instrumentId] = mark;
        if (mark.Effective != before)
        {
            _marked[instrumentId] = (entryId, received);
        }
    }

    private void EmitMarks(string instrumentId, string entryId, long received)
    {
        if (!_holders.TryGetValue(instrumentId, out var holders) || _marks[instrumentId].Effective is not { } mark)
        {
            return;
        }

        var price = (double)(mark * _options.MultiplierOf(instrumentId));
        var ts = Math.Max(_marks[instrumentId].QuoteTs, _marks[instrumentId].BarTs);
        foreach (var portfolio in holders)
        {
            Touch(portfolio, entryId, ts);
            if (price > 0)
            {
                Sequenced(portfolio, new LiveEvent
                {
                    Kind = LiveEventKind.MarkPrice,
                    Instrument = instrumentId,
                    Price = price,
                    Timestamp = NautilusTimestamp.ToDateTimeOffset(ts),
                    ReceivedTimestamp = received,
                });
            }
        }
    }
}
