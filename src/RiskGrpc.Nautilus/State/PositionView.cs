using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.Nautilus.State;

/// <summary>
/// A portfolio's holding of one instrument, netted over its positions. <see cref="AvgPxOpen"/> is the break-even
/// price of the net quantity, Σ qᵢ·avgᵢ / Σ qᵢ, so that <see cref="UnrealizedPnl"/> = net·(mark − avg)·multiplier.
/// </summary>
internal sealed record PositionView(
    string InstrumentId,
    string Side,
    decimal SignedQty,
    decimal AvgPxOpen,
    Money RealizedPnl,
    decimal UnrealizedPnl,
    string Currency,
    decimal Mark,
    decimal Multiplier)
{
    /// <summary>|<see cref="SignedQty"/>|.</summary>
    public decimal Quantity => Math.Abs(SignedQty);
}
