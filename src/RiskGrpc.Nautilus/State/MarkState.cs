namespace RiskGrpc.Nautilus.State;

/// <summary>
/// What marks one instrument: the last quote's mid, and the last bar close as a fallback that wins only when it is
/// newer (by <c>ts_event</c>) than the last quote, i.e. when the quote feed has gone quiet.
/// </summary>
internal struct MarkState
{
    public decimal? QuoteMid;
    public ulong QuoteTs;
    public decimal? BarClose;
    public ulong BarTs;

    /// <summary>The mark, or null when the instrument has had neither a quote nor a bar.</summary>
    public readonly decimal? Effective => QuoteMid is { } mid && (BarClose is null || QuoteTs >= BarTs) ? mid : BarClose;
}
