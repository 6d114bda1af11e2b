namespace RiskGrpc.Nautilus.State;

/// <summary>
/// Remembers the last <c>capacity</c> OrderFilled event ids (first in, first out): Nautilus publishes every fill on
/// <c>events.fills.*</c> and again on <c>events.order.*</c>, a few entries apart.
/// </summary>
internal sealed class FillDeduplicator(int capacity)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time <paramref name="eventId"/> is offered, false for a repeat.</summary>
    public bool TryAdd(string eventId)
    {
        if (!_seen.Add(eventId))
        {
            return false;
        }

        _order.Enqueue(eventId);
        if (_order.Count > capacity)
        {
            _seen.Remove(_order.Dequeue());
        }

        return true;
    }
}
