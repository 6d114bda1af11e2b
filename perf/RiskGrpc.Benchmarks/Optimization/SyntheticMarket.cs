using RiskGrpc.Optimization.Estimators;

namespace RiskGrpc.Benchmarks.Optimization;

/// <summary>
/// Seeded 5-factor market (as <c>synthetic_cov</c> in the optimization doc's timing script): T = 1000 daily returns
/// rₜ = Bfₜ + εₜ, annualised sample covariance and arithmetic mean.
/// </summary>
internal static class SyntheticMarket
{
    public static (double[] Mu, double[,] Cov, double[,] Returns) Create(int n, int seed = 7, int t = 1000)
    {
        var rng = new Random(seed);
        const int factors = 5;
        var loadings = new double[n, factors];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < factors; k++)
            {
                loadings[i, k] = (k == 0 ? 1.0 : 0.3) * (0.5 + rng.NextDouble());
            }
        }

        var returns = new double[t, n];
        var f = new double[factors];
        for (var s = 0; s < t; s++)
        {
            for (var k = 0; k < factors; k++)
            {
                f[k] = Normal(rng) * 0.01;
            }

            for (var i = 0; i < n; i++)
            {
                var r = 0.0003 + (Normal(rng) * 0.015);
                for (var k = 0; k < factors; k++)
                {
                    r += loadings[i, k] * f[k];
                }

                returns[s, i] = r;
            }
        }

        return (ExpectedReturns.Mean(returns), CovarianceEstimators.Sample(returns), returns);
    }

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
