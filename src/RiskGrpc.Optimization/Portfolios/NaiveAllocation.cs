namespace RiskGrpc.Optimization.Portfolios;

/// <summary>Closed-form allocations: inverse volatility (wᵢ ∝ 1/σᵢ), inverse variance (wᵢ ∝ 1/σᵢ²), equal weight (1/N).</summary>
public static class NaiveAllocation
{
    /// <summary>wᵢ ∝ σᵢ^(−power) with σᵢ² = Sᵢᵢ &gt; 0; power 1 = inverse volatility, 2 = inverse variance.</summary>
    public static double[] InverseRisk(double[,] covariance, int power)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        Guard.Square(covariance, n, "covariance");
        var w = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = covariance[i, i];
            if (!(v > 0))
            {
                throw Guard.Invalid($"variance of asset {i} must be positive for inverse-risk weights", "covariance");
            }

            w[i] = power == 1 ? 1 / Math.Sqrt(v) : 1 / v;
        }

        var sum = w.Sum();
        return w.Select(x => x / sum).ToArray();
    }

    /// <summary>wᵢ = 1/N.</summary>
    public static double[] Equal(int n) => n > 0 ? Enumerable.Repeat(1.0 / n, n).ToArray() : throw Guard.Invalid("no assets", "assets");
}
