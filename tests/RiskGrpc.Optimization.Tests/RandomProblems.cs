namespace RiskGrpc.Optimization.Tests;

/// <summary>Seeded random covariance matrices and return vectors for property tests.</summary>
internal static class RandomProblems
{
    /// <summary>S = BᵀB/T (T = 2n + 10 rows of N(0, 0.01²) via Box-Muller) + 1e-4·I: positive definite, realistic scale.</summary>
    public static double[,] Covariance(Random rng, int n)
    {
        var t = (2 * n) + 10;
        var b = new double[t, n];
        for (var r = 0; r < t; r++)
        {
            var common = Normal(rng) * 0.01;
            for (var j = 0; j < n; j++)
            {
                b[r, j] = common + (Normal(rng) * 0.01 * (1 + j % 3));
            }
        }

        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var r = 0; r < t; r++)
                {
                    sum += b[r, i] * b[r, j];
                }

                s[i, j] = sum / t * 252;
            }

            s[i, i] += 1e-4;
        }

        return s;
    }

    public static double[] Returns(Random rng, int n) => Enumerable.Range(0, n).Select(_ => 0.02 + (0.2 * rng.NextDouble())).ToArray();

    public static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
