using RiskGrpc.Optimization.Tests.Reference;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

/// <summary>Scenario matrices for the risk-measure tests: Riskfolio's test data and seeded random fat-tailed returns.</summary>
internal static class ScenarioData
{
    private static readonly Lazy<double[,]> RiskfolioLazy = new(() => ReferenceInputs.RiskfolioReturns(ReferenceData.Get("riskfolio_MinRisk_CVaR")).Values);

    /// <summary>The last 200 simple returns of Riskfolio's 10 test assets (T = 200, n = 10).</summary>
    public static double[,] Riskfolio => RiskfolioLazy.Value;

    /// <summary>T × n returns: a common factor, asset noise and occasional jumps, with drift; seeded.</summary>
    public static double[,] Random(int seed, int t, int n)
    {
        var rng = new Random(seed);
        var r = new double[t, n];
        for (var s = 0; s < t; s++)
        {
            var f = 0.01 * RandomProblems.Normal(rng);
            for (var j = 0; j < n; j++)
            {
                var jump = rng.NextDouble() < 0.02 ? -0.05 * rng.NextDouble() : 0;
                r[s, j] = 0.0005 * (1 + j % 3) + ((0.5 + (0.1 * j % 5)) * f) + (0.012 * RandomProblems.Normal(rng)) + jump;
            }
        }

        return r;
    }

    /// <summary>Column means (per-period arithmetic μ).</summary>
    public static double[] Means(double[,] r)
    {
        var (t, n) = (r.GetLength(0), r.GetLength(1));
        var mu = new double[n];
        for (var s = 0; s < t; s++)
        {
            for (var j = 0; j < n; j++)
            {
                mu[j] += r[s, j] / t;
            }
        }

        return mu;
    }

    /// <summary>Random long-only, fully invested weights (normalised exponentials: uniform on the simplex).</summary>
    public static double[] RandomWeights(Random rng, int n)
    {
        var w = Enumerable.Range(0, n).Select(_ => -Math.Log(1 - rng.NextDouble())).ToArray();
        var sum = w.Sum();
        return w.Select(v => v / sum).ToArray();
    }
}
