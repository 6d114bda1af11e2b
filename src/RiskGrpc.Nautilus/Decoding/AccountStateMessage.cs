namespace RiskGrpc.Nautilus.Decoding;

/// <summary>An <c>AccountState</c> snapshot (re-published on every position event; the newest <c>ts_event</c> wins).</summary>
internal sealed record AccountStateMessage(
    string AccountId,
    string AccountType,
    string? BaseCurrency,
    IReadOnlyList<AccountBalance> Balances,
    decimal MarginInitial,
    decimal MarginMaintenance,
    ulong TsEvent) : BusMessage
{
    /// <inheritdoc />
    public override string TypeName => "AccountState";
}
