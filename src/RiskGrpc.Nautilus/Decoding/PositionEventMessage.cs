namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// <c>PositionOpened</c>/<c>PositionChanged</c>/<c>PositionClosed</c>: the full state of one position, which replaces
/// what was known. <see cref="Currency"/> is the quote currency; <see cref="RealizedPnl"/> is in settlement currency.
/// </summary>
internal sealed record PositionEventMessage(
    PositionEventKind Kind,
    string TraderId,
    string StrategyId,
    string AccountId,
    string InstrumentId,
    string PositionId,
    string Side,
    decimal SignedQty,
    decimal Quantity,
    decimal AvgPxOpen,
    decimal LastPx,
    string Currency,
    Money? RealizedPnl,
    Money? UnrealizedPnl,
    ulong TsEvent) : BusMessage
{
    /// <inheritdoc />
    public override string TypeName => "Position" + Kind;
}
