using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RiskGrpc.Engine.Live;

/// <summary>
/// Positions, marks and cash of a position-defined portfolio. Exposure and P&amp;L are kept incrementally (O(1)
/// per event) and recomputed exactly from the positions every <see cref="RecomputeEvery"/> events to bound drift.
/// </summary>
internal sealed class PositionBook
{
    private const int RecomputeEvery = 256;
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);
    private double _cash;
    private int _sinceRecompute;

    public double GrossExposure { get; private set; }

    public double NetExposure { get; private set; }

    public double TotalPnl => _cash + NetExposure;

    public int OpenPositions { get; private set; }

    public int InstrumentCount => _positions.Count;

    public bool Contains(string instrument) => _positions.ContainsKey(instrument);

    /// <summary>P&amp;L a new price for a held instrument would cause: quantity·(price − mark).</summary>
    public double MarkPnl(string instrument, double price)
    {
        ref var position = ref CollectionsMarshal.GetValueRefOrNullRef(_positions, instrument);
        return Unsafe.IsNullRef(ref position) ? 0 : position.Quantity * (price - position.Mark);
    }

    /// <summary>Sets the instrument's mark (the instrument must be known).</summary>
    public void Mark(string instrument, double price)
    {
        ref var position = ref CollectionsMarshal.GetValueRefOrNullRef(_positions, instrument);
        if (Unsafe.IsNullRef(ref position))
        {
            throw new InvalidOperationException($"Instrument '{instrument}' is not in the book.");
        }

        Revalue(ref position, position.Quantity, price);
    }

    /// <summary>A fill: revalue at the fill price, then trade <paramref name="quantity"/> with cash −quantity·price.</summary>
    public void Fill(string instrument, double quantity, double price)
    {
        ref var position = ref CollectionsMarshal.GetValueRefOrAddDefault(_positions, instrument, out var existed);
        if (!existed)
        {
            position.Mark = price;
        }

        Revalue(ref position, position.Quantity, price);
        _cash -= quantity * price;
        var newQuantity = position.Quantity + quantity;
        Revalue(ref position, newQuantity, price);
    }

    private void Revalue(ref Position position, double quantity, double price)
    {
        var oldValue = position.Quantity * position.Mark;
        var newValue = quantity * price;
        NetExposure += newValue - oldValue;
        GrossExposure += Math.Abs(newValue) - Math.Abs(oldValue);
        OpenPositions += (quantity != 0 ? 1 : 0) - (position.Quantity != 0 ? 1 : 0);
        position.Quantity = quantity;
        position.Mark = price;
        if (++_sinceRecompute >= RecomputeEvery)
        {
            Recompute();
        }
    }

    private void Recompute()
    {
        _sinceRecompute = 0;
        double gross = 0, net = 0;
        foreach (var position in _positions.Values)
        {
            var value = position.Quantity * position.Mark;
            gross += Math.Abs(value);
            net += value;
        }

        GrossExposure = gross;
        NetExposure = net;
    }

    private struct Position
    {
        public double Quantity;
        public double Mark;
    }
}
