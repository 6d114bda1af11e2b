namespace RiskGrpc.Kernel;

/// <summary>
/// Centred co-moments Σ(r − mean r)(b − mean b), Σ(b − mean b)² and Σ(r − mean r)² of a pair of series over a window
/// sliding one row at a time; the two-series counterpart of <see cref="SlidingMoments"/> (same shift, compensation,
/// re-anchoring and exact constant-window rules).
/// </summary>
internal ref struct SlidingCoMoments
{
    private const double DriftLimit = 0.5;

    private readonly ReadOnlySpan<double> r;
    private readonly ReadOnlySpan<double> b;
    private readonly int window;
    private readonly double driftBound;
    private int start;
    private int lastChangeR;
    private int lastChangeB;
    private double shiftR;
    private double shiftB;
    private CompensatedSum s1R;
    private CompensatedSum s1B;
    private CompensatedSum sRR;
    private CompensatedSum sBB;
    private CompensatedSum sRB;

    /// <summary>Positions the window on rows [0, window).</summary>
    public SlidingCoMoments(ReadOnlySpan<double> r, ReadOnlySpan<double> b, int window)
    {
        this.r = r;
        this.b = b;
        this.window = window;
        driftBound = DriftLimit * window;
        for (var j = 1; j < window; j++)
        {
            if (r[j] != r[j - 1])
            {
                lastChangeR = j;
            }

            if (b[j] != b[j - 1])
            {
                lastChangeB = j;
            }
        }

        Anchor();
    }

    /// <summary>Σ(b − mean b)² over the window; exactly 0 when b is constant there.</summary>
    public readonly double M2B => lastChangeB <= start ? 0 : Math.Max(0, sBB.Value - Square(s1B.Value) / window);

    /// <summary>Σ(r − mean r)(b − mean b) over the window; exactly 0 when either side is constant there.</summary>
    public readonly double CoMoment =>
        lastChangeR <= start || lastChangeB <= start ? 0 : sRB.Value - (s1R.Value * s1B.Value / window);

    /// <summary>Moves the window one row forward.</summary>
    public void Advance()
    {
        var oldR = r[start] - shiftR;
        var oldB = b[start] - shiftB;
        start++;
        var last = start + window - 1;
        if (r[last] != r[last - 1])
        {
            lastChangeR = last;
        }

        if (b[last] != b[last - 1])
        {
            lastChangeB = last;
        }

        var newR = r[last] - shiftR;
        var newB = b[last] - shiftB;
        s1R.Add(newR);
        s1R.Add(-oldR);
        s1B.Add(newB);
        s1B.Add(-oldB);
        sRR.Add(newR * newR);
        sRR.Add(-(oldR * oldR));
        sBB.Add(newB * newB);
        sBB.Add(-(oldB * oldB));
        sRB.Add(newR * newB);
        sRB.Add(-(oldR * oldB));

        // A constant side has no spread to lose; checking it would re-anchor on rounding noise every row.
        var driftR = lastChangeR > start && !(Square(s1R.Value) <= driftBound * sRR.Value);
        var driftB = lastChangeB > start && !(Square(s1B.Value) <= driftBound * sBB.Value);
        if (driftR || driftB)
        {
            Anchor();
        }
    }

    private static double Square(double v) => v * v;

    private void Anchor()
    {
        s1R.Reset();
        s1B.Reset();
        sRR.Reset();
        sBB.Reset();
        sRB.Reset();
        double sumR = 0, sumB = 0;
        for (var j = start; j < start + window; j++)
        {
            sumR += r[j];
            sumB += b[j];
        }

        shiftR = sumR / window;
        shiftB = sumB / window;
        for (var j = start; j < start + window; j++)
        {
            var dr = r[j] - shiftR;
            var db = b[j] - shiftB;
            s1R.Add(dr);
            s1B.Add(db);
            sRR.Add(dr * dr);
            sBB.Add(db * db);
            sRB.Add(dr * db);
        }
    }
}
