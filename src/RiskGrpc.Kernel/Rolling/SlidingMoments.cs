namespace RiskGrpc.Kernel;

/// <summary>
/// Mean, centred second moment and downside sum Σ min(e, 0)² of e = x − offset over a window sliding one row at a time.
/// </summary>
/// <remarks>
/// Sums are kept about a shift K (the window mean at the last anchor) in compensated form:
/// S1 = Σ(e − K), S2 = Σ(e − K)², so M2 = S2 − S1²/w. The subtraction loses precision only when the window mean drifts
/// away from K; when S1²/w exceeds half of S2 the sums are recomputed from the window (re-anchored), which bounds the
/// cancellation to one bit. A window whose values are all equal is detected exactly (index of the last change), so its
/// M2 is exactly 0 and its mean is the value itself, as in the per-window scalar. The downside sum is exactly 0 when the
/// window holds no negative e (counted). Each re-anchor costs O(w); it happens rarely for stationary data and at most
/// once per row for adversarial trends, so the cost is O(n) typically and O(n·w) at worst.
/// </remarks>
internal ref struct SlidingMoments
{
    private const double DriftLimit = 0.5;

    private readonly ReadOnlySpan<double> x;
    private readonly double offset;
    private readonly int window;
    private int start;
    private int lastChange;
    private double shift;
    private CompensatedSum s1;
    private CompensatedSum s2;
    private CompensatedSum down;
    private int negatives;

    /// <summary>Positions the window on rows [0, window); <paramref name="x"/> must hold at least that many rows.</summary>
    public SlidingMoments(ReadOnlySpan<double> x, int window, double offset)
    {
        this.x = x;
        this.window = window;
        this.offset = offset;
        for (var j = 1; j < window; j++)
        {
            if (E(j) != E(j - 1))
            {
                lastChange = j;
            }
        }

        Anchor();
    }

    /// <summary>True when every e in the window is equal.</summary>
    public readonly bool IsConstant => lastChange <= start;

    /// <summary>mean(e) over the window.</summary>
    public readonly double Mean => IsConstant ? E(start) : shift + (s1.Value / window);

    /// <summary>Σ(e − mean e)² over the window (≥ 0).</summary>
    public readonly double M2
    {
        get
        {
            if (IsConstant)
            {
                return 0;
            }

            var a = s1.Value;
            return Math.Max(0, s2.Value - (a * a / window));
        }
    }

    /// <summary>Σ min(e, 0)² over the window.</summary>
    public readonly double DownsideSumOfSquares => negatives == 0 ? 0 : Math.Max(0, down.Value);

    /// <summary>Moves the window one row forward: drops row start, adds row start + window.</summary>
    public void Advance()
    {
        var old = E(start);
        start++;
        var last = start + window - 1;
        var added = E(last);
        if (added != E(last - 1))
        {
            lastChange = last;
        }

        var dOld = old - shift;
        var dNew = added - shift;
        s1.Add(dNew);
        s1.Add(-dOld);
        s2.Add(dNew * dNew);
        s2.Add(-(dOld * dOld));
        if (old < 0)
        {
            negatives--;
            down.Add(-(old * old));
        }

        if (added < 0)
        {
            negatives++;
            down.Add(added * added);
        }

        if (negatives == 0)
        {
            down.Reset();
        }

        if (!IsConstant)
        {
            var a = s1.Value;
            var b = s2.Value;
            if (!(a * a / window <= DriftLimit * b))
            {
                Anchor();
            }
        }
    }

    private readonly double E(int j) => x[j] - offset;

    private void Anchor()
    {
        s1.Reset();
        s2.Reset();
        down.Reset();
        negatives = 0;
        var sum = 0.0;
        for (var j = start; j < start + window; j++)
        {
            sum += E(j);
        }

        shift = sum / window;
        for (var j = start; j < start + window; j++)
        {
            var e = E(j);
            var d = e - shift;
            s1.Add(d);
            s2.Add(d * d);
            if (e < 0)
            {
                negatives++;
                down.Add(e * e);
            }
        }
    }
}
