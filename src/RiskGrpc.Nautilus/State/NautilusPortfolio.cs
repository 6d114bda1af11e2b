using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.Nautilus.State;

/// <summary>One Nautilus portfolio's mutable state, owned by the reader loop only.</summary>
internal sealed class NautilusPortfolio(string id)
{
    public string Id { get; } = id;

    /// <summary>Latest event of each position, by position id (opened, changed and closed replace it).</summary>
    public Dictionary<string, PositionEventMessage> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Realised P&amp;L of closed positions whose id was reused by a new one (NETTING accounts reopen
    /// <c>{instrument}-{strategy}</c>), by instrument: the new position's realised P&amp;L starts again from its own
    /// commission, so what the closed one made is kept here.
    /// </summary>
    public Dictionary<string, Money> BankedRealized { get; } = new(StringComparer.Ordinal);

    /// <summary>Net quantity of each instrument as the live risk engine holds it (what fills were sent for).</summary>
    public Dictionary<string, decimal> EngineQuantities { get; } = new(StringComparer.Ordinal);

    /// <summary>Accounts the portfolio's fills and positions were booked in.</summary>
    public SortedSet<string> Accounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Bus entries applied to this portfolio (marks included).</summary>
    public ulong Sequence { get; set; }

    /// <summary>Last sequence sent to the live risk engine.</summary>
    public ulong EngineSequence { get; set; }

    public long Fills { get; set; }

    public ulong TsEvent { get; set; }

    public string LastEntryId { get; set; } = "0-0";

    public long ResyncCount { get; set; }

    /// <summary>Σ signed quantity of the open positions of <paramref name="instrumentId"/>.</summary>
    public decimal NetQuantity(string instrumentId)
    {
        decimal net = 0;
        foreach (var position in Positions.Values)
        {
            if (position.InstrumentId == instrumentId)
            {
                net += position.SignedQty;
            }
        }

        return net;
    }
}
