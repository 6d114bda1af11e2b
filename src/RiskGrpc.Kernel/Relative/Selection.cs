namespace RiskGrpc.Kernel;

/// <summary>In-place k-th order statistic (Hoare's selection with median-of-three pivots, sort fallback).</summary>
internal static class Selection
{
    /// <summary>
    /// Reorders <paramref name="values"/> so that values[k] is the k-th smallest (0-based) and returns it. Expected O(n);
    /// after 2·log₂(n) unproductive rounds the remaining range is sorted, which bounds the worst case by O(n log n).
    /// Inputs must not contain NaN.
    /// </summary>
    public static double Select(Span<double> values, int k)
    {
        var lo = 0;
        var hi = values.Length - 1;
        var budget = 2 * (64 - ulong.LeadingZeroCount((ulong)values.Length));
        while (hi > lo)
        {
            if (budget-- == 0)
            {
                values[lo..(hi + 1)].Sort();
                return values[k];
            }

            var m = lo + ((hi - lo) / 2);
            var pivot = MedianOfThree(values[lo], values[m], values[hi]);
            var i = lo;
            var j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now values[lo..j] ≤ pivot ≤ values[i..hi] and everything strictly between j and i equals the pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
