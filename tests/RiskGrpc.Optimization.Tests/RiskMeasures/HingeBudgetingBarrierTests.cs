using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

/// <summary>
/// A KKT certificate for the barrier's answer built from the scenarios alone: a subgradient of the hinge sum has
/// λₜ = c on the scenarios strictly beyond the kink, 0 strictly inside, and some λₜ ∈ [0, c] on the tied ones (and
/// Σλₜ = 1 for CVaR, from ζ). The tied multipliers are found by least squares on wᵢgᵢ = ρ(w)·bᵢ; the certificate holds
/// when that system is solved to 1e-8 relative with multipliers inside [0, c], which proves optimality independently of the solver.
/// </summary>
public sealed class HingeBudgetingBarrierTests
{
    [Theory]
    [InlineData(RiskMeasure.ConditionalValueAtRisk, 20, false)]
    [InlineData(RiskMeasure.ConditionalValueAtRisk, 100, true)]
    [InlineData(RiskMeasure.Mad, 20, true)]
    [InlineData(RiskMeasure.Mad, 100, false)]
    public void Solve_SeededScenarios_SubgradientFromTheTailCertifiesOptimality(RiskMeasure measure, int n, bool unequal)
    {
        const double alpha = 0.05;
        var r = ScenarioData.Random(3, 1000, n);
        var t = r.GetLength(0);
        double[] b = [.. Enumerable.Range(0, n).Select(i => unequal ? 1.0 + (i % 4) : 1.0)];
        var bn = b.Select(v => v / b.Sum()).ToArray();
        var w = ScenarioRiskBudgeting.Solve(r, measure, alpha, b, TimeSpan.FromSeconds(60)).Weights;
        var rho = ScenarioRisk.Evaluate(measure, r, w, alpha);

        var cvar = measure == RiskMeasure.ConditionalValueAtRisk;
        var c = cvar ? 1 / (alpha * t) : 2.0 / t;
        var mean = ScenarioData.Means(r);
        var xr = ScenarioRisk.PortfolioReturns(r, w);
        var xbar = xr.Average();
        var kink = cvar ? -xr.Order().ElementAt((int)Math.Ceiling(alpha * t) - 1) : 0;
        var arg = xr.Select(v => cvar ? -v - kink : xbar - v).ToArray();
        var spread = arg.Max(Math.Abs);
        double Coefficient(int s, int i) => i == n ? -1 : cvar ? -r[s, i] : mean[i] - r[s, i];

        // Residual of the KKT rows with the fixed multipliers: wᵢ·(Σλₜaₜᵢ) − ρ(w)bᵢ, and for CVaR (ζ) Σλₜ·(−1) = −1.
        var m = cvar ? n + 1 : n;
        var rhs = new double[m];
        for (var i = 0; i < m; i++)
        {
            rhs[i] = i < n ? rho * bn[i] : -1;
        }

        var tied = new List<int>();
        for (var s = 0; s < t; s++)
        {
            if (Math.Abs(arg[s]) <= 1e-7 * spread)
            {
                tied.Add(s);
            }
            else if (arg[s] > 0)
            {
                for (var i = 0; i < m; i++)
                {
                    rhs[i] -= Row(i) * c * Coefficient(s, i);
                }
            }
        }

        Assert.InRange(tied.Count, 1, m);
        var k = tied.Count;
        var normal = new double[k * k];
        var right = new double[k];
        for (var p = 0; p < k; p++)
        {
            for (var i = 0; i < m; i++)
            {
                var mp = Row(i) * Coefficient(tied[p], i);
                right[p] += mp * rhs[i];
                for (var q = 0; q <= p; q++)
                {
                    normal[(p * k) + q] += mp * Row(i) * Coefficient(tied[q], i);
                }
            }
        }

        Assert.True(DenseMath.CholeskyInPlace(normal, k), "the tied scenarios' hinge gradients are linearly dependent");
        DenseMath.CholeskySolveInPlace(normal, k, right);
        Assert.All(right, l => Assert.InRange(l, -1e-9 * c, c * (1 + 1e-9)));
        for (var i = 0; i < m; i++)
        {
            var fitted = 0.0;
            for (var p = 0; p < k; p++)
            {
                fitted += Row(i) * Coefficient(tied[p], i) * right[p];
            }

            var scale = i < n ? rho * bn[i] : 1;
            Assert.True(Math.Abs(fitted - rhs[i]) <= 1e-8 * scale, $"KKT row {i}: residual {fitted - rhs[i]:G3} of {scale:G3}");
        }

        double Row(int i) => i < n ? w[i] : 1;
    }
}
