namespace RiskGrpc.Reports.Charts;

/// <summary>The catalogue's quantile rule: linear interpolation between order statistics at h = (n − 1)·p (numpy's default).</summary>
internal static class Quantiles
{
    /// <summary>Q(p) of ascending <paramref name="sorted"/>; NaN when empty.</summary>
    public static double Linear(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
