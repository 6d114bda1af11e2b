namespace RiskGrpc.Optimization.Supervised;

/// <summary>
/// Hassanat distance (Hassanat 2014): HasD(x, y) = Σⱼ D(xⱼ, yⱼ) with D = 1 − (1 + min)/(1 + max) when min(xⱼ, yⱼ) ≥ 0,
/// otherwise D = 1 − (1 + min + |min|)/(1 + max + |min|). Each term lies in [0, 1), so HasD ∈ [0, m).
/// </summary>
public static class HassanatDistance
{
    /// <summary>HasD(<paramref name="x"/>, <paramref name="y"/>); the spans must have equal length.</summary>
    public static double Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("feature vectors differ in length", nameof(y));
        }

        var sum = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            var lo = Math.Min(x[j], y[j]);
            var hi = Math.Max(x[j], y[j]);
            sum += lo >= 0 ? 1 - ((1 + lo) / (1 + hi)) : 1 - ((1 + lo - lo) / (1 + hi - lo));
        }

        return sum;
    }
}
