namespace RiskGrpc.Optimization.Supervised;

/// <summary>Neighbour weights α over distances sorted in increasing order: k*-NN and fixed-k inverse distance.</summary>
public static class NeighbourWeights
{
    /// <summary>
    /// k*-NN (Anava &amp; Levy 2016, Algorithm 1): with β = (L/C)·d, λ₀ = β₁ + 1 and, while λₖ &gt; βₖ₊₁,
    /// λₖ = (S₁ + √(k + S₁² − k·S₂))/k over the first k β's; αᵢ = (λ − βᵢ)₊ / Σ(λ − βⱼ)₊. Writes α into
    /// <paramref name="alphas"/> (same length as <paramref name="sortedDistances"/>) and returns k*.
    /// </summary>
    public static int KStar(ReadOnlySpan<double> sortedDistances, double lOverC, Span<double> alphas)
    {
        var n = sortedDistances.Length;
        if (n == 0)
        {
            return 0;
        }

        if (!(lOverC > 0) || !double.IsFinite(lOverC))
        {
            throw new ArgumentOutOfRangeException(nameof(lOverC), "L/C must be positive and finite");
        }

        var lambda = (lOverC * sortedDistances[0]) + 1;
        var k = 0;
        double s1 = 0, s2 = 0;
        while (k < n && lambda > lOverC * sortedDistances[k])
        {
            var beta = lOverC * sortedDistances[k];
            k++;
            s1 += beta;
            s2 += beta * beta;
            lambda = (s1 + Math.Sqrt(Math.Max(0, k + (s1 * s1) - (k * s2)))) / k;
        }

        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var a = i < k ? Math.Max(0, lambda - (lOverC * sortedDistances[i])) : 0;
            alphas[i] = a;
            total += a;
        }

        if (total <= 0)
        {
            // Only reachable with k = 1 and rounding; the nearest neighbour then takes everything.
            alphas.Clear();
            alphas[0] = 1;
            return 1;
        }

        var used = 0;
        for (var i = 0; i < n; i++)
        {
            alphas[i] /= total;
            used += alphas[i] > 0 ? 1 : 0;
        }

        return used;
    }

    /// <summary>
    /// The first <paramref name="k"/> neighbours weighted by 1/dᵢ (normalised); neighbours at distance 0 share all the
    /// weight equally. Returns the number of neighbours with weight.
    /// </summary>
    public static int FixedInverseDistance(ReadOnlySpan<double> sortedDistances, int k, Span<double> alphas)
    {
        var n = sortedDistances.Length;
        alphas[..n].Clear();
        if (n == 0)
        {
            return 0;
        }

        k = Math.Clamp(k, 1, n);
        var zeros = 0;
        for (var i = 0; i < k && sortedDistances[i] <= 0; i++)
        {
            zeros++;
        }

        if (zeros > 0)
        {
            for (var i = 0; i < zeros; i++)
            {
                alphas[i] = 1.0 / zeros;
            }

            return zeros;
        }

        var total = 0.0;
        for (var i = 0; i < k; i++)
        {
            alphas[i] = 1 / sortedDistances[i];
            total += alphas[i];
        }

        for (var i = 0; i < k; i++)
        {
            alphas[i] /= total;
        }

        return k;
    }
}
