namespace RiskGrpc.Kernel;

/// <summary>
/// Rolling sharpe, volatility and sortino from the mean, centred second moment M2 and downside sum Σ min(e, 0)² of
/// e = x − offset over a window sliding one row at a time.
/// </summary>
/// <remarks>
/// Sums are kept about a shift K (the window mean at the last anchor) in compensated form (<see cref="CompensatedSum"/>):
/// S1 = Σ(e − K), S2 = Σ(e − K)², so M2 = S2 − S1²/w. The subtraction loses precision only when the window mean
/// drifts away from K; when S1²/w exceeds half of S2 the sums are recomputed from the window (re-anchored), which
/// bounds the cancellation to one bit. A window whose values are all equal is detected exactly (index of the last
/// change), so its M2 is exactly 0 and its mean is the value itself, as in the per-window scalar. The downside sum is
/// exactly 0 when the window holds no negative e (counted). Each re-anchor costs O(w); it happens rarely for
/// stationary data and at most once per row for adversarial trends, so the cost is O(n) typically, O(n·w) at worst.
/// The state lives in locals of one method (not in a struct passed by reference) so the JIT keeps it in registers:
/// the struct version spent most of its time storing and reloading the running sums.
/// </remarks>
internal static class SlidingMoments
{
    private const double DriftLimit = 0.5;

    /// <summary>Which ratio <see cref="Run"/> writes for each window.</summary>
    public enum Output
    {
        /// <summary>mean(e) / √(M2/(w − 1)) · √A.</summary>
        Sharpe,

        /// <summary>√(M2/(w − 1)) · √A.</summary>
        Volatility,

        /// <summary>mean(e) · √A / √(Σ min(e,0)² / w).</summary>
        Sortino,
    }

    /// <summary>Writes the <paramref name="output"/> ratio of every window; x.Length ≥ window ≥ 2 (validated by the caller).</summary>
    public static void Run(ReadOnlySpan<double> x, int window, double offset, double sqrtA, Output output, Span<double> destination)
    {
        var count = x.Length - window + 1;
        var lastChange = 0;
        for (var j = 1; j < window; j++)
        {
            if (x[j] - offset != x[j - 1] - offset)
            {
                lastChange = j;
            }
        }

        var a = Anchor(x.Slice(0, window), offset);
        double shift = a.Shift, s1 = a.S1, c1 = 0, s2 = a.S2, c2 = 0, down = a.Down, cDown = 0;
        var negatives = a.Negatives;
        var driftBound = DriftLimit * window;
        var trackDownside = output == Output.Sortino;
        for (var start = 0; ; start++)
        {
            var constant = lastChange <= start;
            var sum1 = s1 + c1;
            var mean = constant ? x[start] - offset : shift + (sum1 / window);
            var m2 = constant ? 0 : Math.Max(0, s2 + c2 - (sum1 * sum1 / window));
            destination[start] = output switch
            {
                Output.Sharpe => mean / Math.Sqrt(m2 / (window - 1)) * sqrtA,
                Output.Volatility => Math.Sqrt(m2 / (window - 1)) * sqrtA,
                _ => mean * sqrtA / Math.Sqrt((negatives == 0 ? 0 : Math.Max(0, down + cDown)) / window),
            };

            if (start == count - 1)
            {
                return;
            }

            var old = x[start] - offset;
            var last = start + window;
            var added = x[last] - offset;
            if (added != x[last - 1] - offset)
            {
                lastChange = last;
            }

            var dOld = old - shift;
            var dNew = added - shift;
            (s1, c1) = CompensatedSum.TwoSum(s1, c1, dNew);
            (s1, c1) = CompensatedSum.TwoSum(s1, c1, -dOld);
            (s2, c2) = CompensatedSum.TwoSum(s2, c2, dNew * dNew);
            (s2, c2) = CompensatedSum.TwoSum(s2, c2, -(dOld * dOld));
            if (trackDownside)
            {
                // Branch-free: whether a return is negative is a coin flip; a mispredicted branch costs more than two adds.
                var downOld = Math.Min(old, 0);
                var downNew = Math.Min(added, 0);
                negatives += (added < 0 ? 1 : 0) - (old < 0 ? 1 : 0);
                (down, cDown) = CompensatedSum.TwoSum(down, cDown, downNew * downNew);
                (down, cDown) = CompensatedSum.TwoSum(down, cDown, -(downOld * downOld));
                if (negatives == 0)
                {
                    down = cDown = 0;
                }
            }

            // Re-anchor when S1²/w > ½·S2 (multiplied out by w); a constant window has nothing to lose.
            var drift = s1 + c1;
            if (lastChange > start + 1 && !(drift * drift <= driftBound * (s2 + c2)))
            {
                a = Anchor(x.Slice(start + 1, window), offset);
                (shift, s1, c1, s2, c2, down, cDown, negatives) = (a.Shift, a.S1, 0, a.S2, 0, a.Down, 0, a.Negatives);
            }
        }
    }

    private static AnchorSums Anchor(ReadOnlySpan<double> window, double offset)
    {
        var total = 0.0;
        foreach (var v in window)
        {
            total += v - offset;
        }

        var shift = total / window.Length;
        CompensatedSum s1 = default, s2 = default, down = default;
        var negatives = 0;
        foreach (var v in window)
        {
            var e = v - offset;
            var d = e - shift;
            s1.Add(d);
            s2.Add(d * d);
            if (e < 0)
            {
                negatives++;
                down.Add(e * e);
            }
        }

        return new AnchorSums(shift, s1.Value, s2.Value, down.Value, negatives);
    }

    private readonly record struct AnchorSums(double Shift, double S1, double S2, double Down, int Negatives);
}
