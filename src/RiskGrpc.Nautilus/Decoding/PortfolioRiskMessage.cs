namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// A <c>PortfolioRisk</c> entry as this bridge publishes it, read back with the same decoder (the bridge itself never
/// acts on one). <see cref="Payload"/> gives every other field.
/// </summary>
internal sealed record PortfolioRiskMessage(
    string PortfolioId,
    ulong Sequence,
    bool Resync,
    long ResyncCount,
    string SourceEntryId,
    ulong TsEvent,
    ulong TsInit,
    PayloadMap Payload) : BusMessage
{
    /// <inheritdoc />
    public override string TypeName => "PortfolioRisk";

    /// <summary>Reads the payload.</summary>
    /// <exception cref="FormatException">A required field is missing or mistyped.</exception>
    public static PortfolioRiskMessage From(PayloadMap map) => new(
        map.String("portfolio_id"),
        (ulong)map.Decimal("sequence"),
        map.Boolean("resync", false),
        (long)map.Decimal("resync_count"),
        map.String("source_entry_id"),
        map.Timestamp("ts_event"),
        map.Timestamp("ts_init"),
        map);
}
