namespace RiskGrpc.Engine.Live.Windows;

/// <summary>
/// Sliding-window maximum and current drawdown in O(1) amortized per push/pop, without allocation.
/// </summary>
/// <remarks>
/// Drawdown over a segment is a monoid on wealth ratios: for a segment with growth G = Π(1 + r), peak
/// P = max(1, max prefix product), trough M = min(1, min prefix product) and worst ratio D = min over i ≤ j of
/// W_j / W_i, two adjacent segments A·B combine to G = G_A·G_B, P = max(P_A, G_A·P_B), M = min(M_A, G_A·M_B),
/// D = min(D_A, D_B, G_A·M_B / P_A). A FIFO of monoid values is kept as two stacks (front: suffix aggregates
/// rebuilt when it runs empty; back: one running aggregate), the standard sliding-window aggregation. With
/// wealth restarting at 1 at the window start, max_drawdown = D − 1 and current drawdown = G / P − 1: the same
/// numbers as the batch definition dd_t = W_t / max(1, max_{s≤t} W_s) − 1 (docs/metrics.md), up to rounding.
/// Returns must be ≥ −1 (wealth never negative); the caller validates.
/// </remarks>
internal sealed class DrawdownQueue
{
    private readonly double[] _factor;
    private readonly double[] _growth;
    private readonly double[] _peak;
    private readonly double[] _trough;
    private readonly double[] _worst;
    private long _head;
    private long _tail;
    private long _frontEnd;
    private Segment _back = Segment.Identity;

    /// <summary>Creates a queue for at most <paramref name="capacity"/> returns.</summary>
    public DrawdownQueue(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _factor = new double[capacity];
        _growth = new double[capacity];
        _peak = new double[capacity];
        _trough = new double[capacity];
        _worst = new double[capacity];
    }

    /// <summary>Number of returns in the queue.</summary>
    public int Count => (int)(_tail - _head);

    /// <summary>Appends a return r ≥ −1.</summary>
    /// <exception cref="InvalidOperationException">The queue is full.</exception>
    public void Push(double value)
    {
        if (Count == _factor.Length)
        {
            throw new InvalidOperationException("DrawdownQueue is full; pop before pushing.");
        }

        var factor = 1 + value;
        _factor[Slot(_tail)] = factor;
        _back = Segment.Combine(_back, Segment.Single(factor));
        _tail++;
    }

    /// <summary>Removes the oldest return.</summary>
    /// <exception cref="InvalidOperationException">The queue is empty.</exception>
    public void Pop()
    {
        if (_head == _tail)
        {
            throw new InvalidOperationException("DrawdownQueue is empty.");
        }

        if (_head == _frontEnd)
        {
            Transfer();
        }

        _head++;
    }

    /// <summary>Max drawdown (≤ 0) and current drawdown (≤ 0) over the queue; NaN for both when it is empty.</summary>
    public void Evaluate(out double maxDrawdown, out double currentDrawdown)
    {
        if (_head == _tail)
        {
            maxDrawdown = double.NaN;
            currentDrawdown = double.NaN;
            return;
        }

        var total = _head < _frontEnd ? Load(Slot(_head)) : Segment.Identity;
        total = Segment.Combine(total, _back);
        maxDrawdown = total.Worst - 1;
        currentDrawdown = (total.Growth / total.Peak) - 1;
    }

    private void Transfer()
    {
        // Every element still in the back stack moves to the front with its suffix aggregate.
        var suffix = Segment.Identity;
        for (var i = _tail - 1; i >= _head; i--)
        {
            var slot = Slot(i);
            suffix = Segment.Combine(Segment.Single(_factor[slot]), suffix);
            _growth[slot] = suffix.Growth;
            _peak[slot] = suffix.Peak;
            _trough[slot] = suffix.Trough;
            _worst[slot] = suffix.Worst;
        }

        _frontEnd = _tail;
        _back = Segment.Identity;
    }

    private Segment Load(int slot) => new(_growth[slot], _peak[slot], _trough[slot], _worst[slot]);

    private int Slot(long logical) => (int)(logical % _factor.Length);

    private readonly record struct Segment(double Growth, double Peak, double Trough, double Worst)
    {
        public static Segment Identity => new(1, 1, 1, 1);

        public static Segment Single(double factor) =>
            new(factor, Math.Max(1, factor), Math.Min(1, factor), Math.Min(1, factor));

        public static Segment Combine(in Segment a, in Segment b) => new(
            a.Growth * b.Growth,
            Math.Max(a.Peak, a.Growth * b.Peak),
            Math.Min(a.Trough, a.Growth * b.Trough),
            Math.Min(Math.Min(a.Worst, b.Worst), a.Growth * b.Trough / a.Peak));
    }
}
