namespace RiskGrpc.Engine.Live.Windows;

/// <summary>
/// Running power sums of d = x − K up to the fourth power, for O(1) add/remove of central moments.
/// </summary>
/// <remarks>
/// Raw power sums lose everything to cancellation when the mean is large against the spread; sums around a
/// shift K close to the mean keep the error at a few ulps of the spread. The owner re-anchors (K = current
/// mean, sums recomputed from the window) every window-length operations, which bounds drift from repeated
/// add/remove and keeps the cost O(1) amortized.
/// </remarks>
internal struct ShiftedMoments
{
    private double _shift;
    private double _s1;
    private double _s2;
    private double _s3;
    private double _s4;
    private double _magnitude;
    private double _magnitude4;
    private int _count;

    /// <summary>Clears the sums and sets a new shift K.</summary>
    public void Reset(double shift)
    {
        _shift = shift;
        _s1 = _s2 = _s3 = _s4 = _magnitude = _magnitude4 = 0;
        _count = 0;
    }

    /// <summary>Adds x.</summary>
    public void Add(double x)
    {
        var d = x - _shift;
        var d2 = d * d;
        _s1 += d;
        _s2 += d2;
        _s3 += d2 * d;
        _s4 += d2 * d2;
        _magnitude += d2;
        _magnitude4 += d2 * d2;
        _count++;
    }

    /// <summary>Removes an x that was added before.</summary>
    public void Remove(double x)
    {
        var d = x - _shift;
        var d2 = d * d;
        _s1 -= d;
        _s2 -= d2;
        _s3 -= d2 * d;
        _s4 -= d2 * d2;
        _magnitude += d2;
        _magnitude4 += d2 * d2;
        _count--;
    }

    /// <summary>
    /// True when the variance has become small against the magnitude of the terms added and removed since the
    /// last reset (e.g. a large value left the window), so cancellation could cost more than ~1e-12 relative:
    /// the owner must re-anchor. Never true for an exactly constant run around the shift (0 &lt; 0 is false).
    /// </summary>
    public readonly bool NeedsRebase()
    {
        if (_count < 2)
        {
            return false;
        }

        double n = _count;
        var d = _s1 / n;
        var m2 = (_s2 / n) - (d * d);
        // m4 ≥ m2² for any data, so m2² is the natural scale for the third and fourth sums as well.
        return m2 < 1e-4 * (_magnitude / n) || m2 * m2 < 1e-4 * (_magnitude4 / n);
    }

    /// <summary>
    /// Mean and population central moments m2, m3, m4 (all NaN when empty). m2 is clamped at 0 against rounding.
    /// </summary>
    public readonly void Evaluate(out double mean, out double m2, out double m3, out double m4)
    {
        if (_count == 0)
        {
            mean = m2 = m3 = m4 = double.NaN;
            return;
        }

        double n = _count;
        var d = _s1 / n;
        var a2 = _s2 / n;
        var a3 = _s3 / n;
        var a4 = _s4 / n;
        var dd = d * d;
        mean = _shift + d;
        m2 = Math.Max(0, a2 - dd);
        m3 = a3 - (3 * d * a2) + (2 * dd * d);
        m4 = a4 - (4 * d * a3) + (6 * dd * a2) - (3 * dd * dd);
    }
}
