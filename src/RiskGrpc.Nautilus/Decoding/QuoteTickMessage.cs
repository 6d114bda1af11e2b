namespace RiskGrpc.Nautilus.Decoding;

/// <summary>A <c>QuoteTick</c>: the mark is the mid, (bid + ask) / 2.</summary>
internal sealed record QuoteTickMessage(string InstrumentId, decimal BidPrice, decimal AskPrice, ulong TsEvent) : BusMessage
{
    /// <inheritdoc />
    public override string TypeName => "QuoteTick";

    /// <summary>(bid + ask) / 2.</summary>
    public decimal Mid => (BidPrice + AskPrice) / 2;
}
