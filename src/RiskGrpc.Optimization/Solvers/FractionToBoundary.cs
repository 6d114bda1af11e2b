namespace RiskGrpc.Optimization.Solvers;

/// <summary>Interior-point step length: the largest α ≤ 1 with s + α·ds ≥ (1 − fraction)·s and likewise for λ.</summary>
internal static class FractionToBoundary
{
    public static double Step(ReadOnlySpan<double> s, ReadOnlySpan<double> ds, ReadOnlySpan<double> lam, ReadOnlySpan<double> dl, double fraction)
    {
        var alpha = 1.0;
        for (var k = 0; k < s.Length; k++)
        {
            if (ds[k] < 0)
            {
                alpha = Math.Min(alpha, -fraction * s[k] / ds[k]);
            }

            if (dl[k] < 0)
            {
                alpha = Math.Min(alpha, -fraction * lam[k] / dl[k]);
            }
        }

        return alpha;
    }
}
