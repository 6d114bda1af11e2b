namespace RiskGrpc.Nautilus.Decoding;

/// <summary>An <c>OrderFilled</c> event (published twice, on the fills and the order topic).</summary>
internal sealed record OrderFilledMessage(
    string EventId,
    string TraderId,
    string StrategyId,
    string AccountId,
    string InstrumentId,
    string? PositionId,
    string OrderSide,
    decimal LastQty,
    decimal LastPx,
    Money? Commission,
    ulong TsEvent) : BusMessage
{
    /// <inheritdoc />
    public override string TypeName => "OrderFilled";
}
