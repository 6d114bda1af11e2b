namespace RiskGrpc.Kernel;

/// <summary>
/// empyrical's <c>beta_fragility_heuristic_aligned</c>: sort the rows by benchmark, take the first, the middle
/// (index round-half-even(n / 2), as <c>np.around</c>) and the last row, and return
/// w_s·r_start + w_e·r_end − r_mid with w_s = (b_mid − b_start) / range, w_e = (b_end − b_mid) / range,
/// range = b_end − b_start (w_s = w_e = 0.5 when the range is 0). NaN for fewer than 3 rows.
/// </summary>
/// <remarks>
/// Only three order statistics are needed, so a selection (O(n) expected) replaces the sort. Rows with equal benchmark
/// values are ordered by row index (a stable sort); pandas' default quicksort leaves that order unspecified, so with
/// tied benchmark values empyrical itself may pick any of the tied rows.
/// </remarks>
internal static class BetaFragility
{
    public static double Compute(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, Span<double> scratch)
    {
        var n = returns.Length;
        if (n < 3)
        {
            return double.NaN;
        }

        var midRank = (int)Math.Round(n / 2.0, MidpointRounding.ToEven);
        var start = 0;
        var end = 0;
        for (var i = 1; i < n; i++)
        {
            if (benchmark[i] < benchmark[start])
            {
                start = i;
            }

            // ">=": the last of tied maxima sorts last.
            if (benchmark[i] >= benchmark[end])
            {
                end = i;
            }
        }

        var values = scratch[..n];
        benchmark.CopyTo(values);
        OrderStatistics.Introselect(values, midRank);
        var midValue = values[midRank];
        var mid = NthRowWithValue(benchmark, midValue, midRank);

        var bStart = benchmark[start];
        var bMid = benchmark[mid];
        var bEnd = benchmark[end];
        var range = bEnd - bStart;
        double startWeight = 0.5, endWeight = 0.5;
        if (range != 0)
        {
            startWeight = (bMid - bStart) / range;
            endWeight = (bEnd - bMid) / range;
        }

        return (startWeight * returns[start]) + (endWeight * returns[end]) - returns[mid];
    }

    /// <summary>The row a stable ascending sort puts at <paramref name="rank"/>, given the value found there.</summary>
    private static int NthRowWithValue(ReadOnlySpan<double> benchmark, double value, int rank)
    {
        var below = 0;
        foreach (var b in benchmark)
        {
            below += b < value ? 1 : 0;
        }

        var tieIndex = rank - below;
        for (var i = 0; i < benchmark.Length; i++)
        {
            if (benchmark[i] == value && tieIndex-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("selection returned a value not in the series");
    }
}
