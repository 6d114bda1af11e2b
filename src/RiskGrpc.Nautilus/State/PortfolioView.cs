using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.Nautilus.State;

/// <summary>
/// An immutable picture of one Nautilus portfolio after the entry <see cref="LastEntryId"/>: what the publisher
/// writes (with the engine's metrics) and what tests compare. Money maps are keyed by currency.
/// </summary>
internal sealed record PortfolioView(
    string PortfolioId,
    ulong Sequence,
    long ResyncCount,
    string LastEntryId,
    ulong TsEvent,
    long Fills,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyDictionary<string, decimal> RealizedPnl,
    IReadOnlyDictionary<string, decimal> UnrealizedPnl,
    IReadOnlyDictionary<string, decimal> NetExposure,
    IReadOnlyDictionary<string, decimal> GrossExposure,
    IReadOnlyList<AccountStateMessage> Accounts)
{
    /// <summary>The holding of <paramref name="instrumentId"/>, or null.</summary>
    public PositionView? Position(string instrumentId) => Positions.FirstOrDefault(p => p.InstrumentId == instrumentId);
}
