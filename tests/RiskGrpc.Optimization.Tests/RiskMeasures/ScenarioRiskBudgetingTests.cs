using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.Portfolios;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

public sealed class ScenarioRiskBudgetingTests
{
    public static TheoryData<RiskMeasure, bool> Cases()
    {
        var data = new TheoryData<RiskMeasure, bool>();
        foreach (var m in new[] { RiskMeasure.Mad, RiskMeasure.ConditionalValueAtRisk, RiskMeasure.ConditionalDrawdownAtRisk })
        {
            data.Add(m, false);
            data.Add(m, true);
        }

        return data;
    }

    /// <summary>
    /// KKT of min ρ(x) s.t. Σ bᵢ ln xᵢ ≥ c for a homogeneous convex ρ: some subgradient g has xᵢgᵢ = ρ(x)·bᵢ, so ρ(w)·bᵢ
    /// lies between wᵢ times the one-sided partial derivatives (finite differences of a convex function bracket them).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_RiskfolioData_RiskContributionsEqualBudgets(RiskMeasure measure, bool unequal)
    {
        var r = ScenarioData.Riskfolio;
        var b = Budgets(unequal, 10);
        // The cut loop (CDaR) stops at an objective gap of 1e-12, which leaves ~1e-5 relative error on xᵢ where ρ is
        // smooth; the barrier (MAD, CVaR) ends on the central path at τ ≈ 1e-16, far inside the finite differences' 1e-9.
        AssertContributionsMatchBudgets(r, measure, b, measure == RiskMeasure.ConditionalDrawdownAtRisk ? 1e-4 : 1e-8);
    }

    /// <summary>n = 100, T = 1000 (the size at which the cut solver gave up after 500 rounds), equal and tilted budgets.</summary>
    [Theory]
    [InlineData(RiskMeasure.ConditionalValueAtRisk, false)]
    [InlineData(RiskMeasure.ConditionalValueAtRisk, true)]
    [InlineData(RiskMeasure.Mad, false)]
    [InlineData(RiskMeasure.Mad, true)]
    public void Solve_HundredAssetsThousandScenarios_RiskContributionsEqualBudgets(RiskMeasure measure, bool unequal)
    {
        var r = ScenarioData.Random(11, 1000, 100);
        AssertContributionsMatchBudgets(r, measure, Budgets(unequal, 100), 1e-6);
    }

    /// <summary>
    /// CDaR at n = 100, T = 1000: the cut solver ended ABNORMAL here with GLOP's default simplex; on the cut-loop parameters
    /// (dual simplex, no scaling) it converges.
    /// </summary>
    [Fact]
    public void Solve_CdarHundredAssetsThousandScenarios_RiskContributionsEqualBudgets()
    {
        var r = ScenarioData.Random(11, 1000, 100);
        AssertContributionsMatchBudgets(r, RiskMeasure.ConditionalDrawdownAtRisk, Budgets(false, 100), 1e-4);
    }

    private static void AssertContributionsMatchBudgets(double[,] r, RiskMeasure measure, double[] b, double relative)
    {
        var w = ScenarioRiskBudgeting.Solve(r, measure, 0.05, b, TimeSpan.FromSeconds(60)).Weights;
        Assert.Equal(1, w.Sum(), 12);
        Assert.All(w, v => Assert.True(v > 0));
        var rho = ScenarioRisk.Evaluate(measure, r, w);
        var bn = b.Select(v => v / b.Sum()).ToArray();
        for (var i = 0; i < w.Length; i++)
        {
            // ρ is convex, so one-sided differences bracket the one-sided derivatives for any h; h = 1e-6·wᵢ keeps their
            // rounding (~1e-16·ρ/h) near 1e-10 of the target.
            var h = 1e-6 * w[i];
            var up = w[i] * (ScenarioRisk.Evaluate(measure, r, Bump(w, i, h)) - rho) / h;
            var down = w[i] * (rho - ScenarioRisk.Evaluate(measure, r, Bump(w, i, -h))) / h;
            var target = rho * bn[i];
            var tol = relative * target;
            Assert.True(down - tol <= target && target <= up + tol, $"{measure} asset {i}: budget contribution {target:R} outside [{down:R}, {up:R}]");
        }
    }

    /// <summary>Optimality on the constraint surface: no random point with the same Σ bᵢ ln wᵢ has lower ρ.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Solve_RiskfolioData_NoPerturbationOnTheLogSurfaceHasLowerRisk(RiskMeasure measure, bool unequal)
    {
        var r = ScenarioData.Riskfolio;
        var b = Budgets(unequal, 10);
        var bn = b.Select(v => v / b.Sum()).ToArray();
        var w = ScenarioRiskBudgeting.Solve(r, measure, 0.05, b, TimeSpan.FromSeconds(60)).Weights;
        var rho = ScenarioRisk.Evaluate(measure, r, w);
        var g = LogSum(w, bn);
        var rng = new Random(7);
        for (var k = 0; k < 500; k++)
        {
            var scale = k < 250 ? 0.3 : 0.01;
            var y = w.Select(v => v * Math.Exp(scale * RandomProblems.Normal(rng))).ToArray();
            var s = Math.Exp(g - LogSum(y, bn));

            // ρ is homogeneous and s·y has the optimum's Σ bᵢ ln, so ρ(s·y) must not undercut ρ(w).
            var other = ScenarioRisk.Evaluate(measure, r, y.Select(v => v * s).ToArray());
            Assert.True(other >= rho - (Slack(measure) * rho), $"{measure}: perturbation {k} beats the optimum ({other:R} < {rho:R})");
        }
    }

    [Fact]
    public void Solve_LargerBudget_LargerWeight()
    {
        var r = ScenarioData.Riskfolio;
        var equal = ScenarioRiskBudgeting.Solve(r, RiskMeasure.ConditionalValueAtRisk, 0.05, null, TimeSpan.FromSeconds(60)).Weights;
        var tilted = ScenarioRiskBudgeting.Solve(r, RiskMeasure.ConditionalValueAtRisk, 0.05, Budgets(true, 10), TimeSpan.FromSeconds(60)).Weights;
        Assert.True(tilted[0] > equal[0] * 1.5, $"budget 5× on asset 0 moved its weight {equal[0]:R} → {tilted[0]:R}");
    }

    [Fact]
    public void Solve_NonPositiveBudget_InvalidArgumentOnRiskBudgets()
    {
        var ex = Assert.Throws<OptimizationException>(() => ScenarioRiskBudgeting.Solve(ScenarioData.Riskfolio, RiskMeasure.Mad, 0.05, [.. Enumerable.Repeat(0.1, 9), 0.0], TimeSpan.FromSeconds(60)));
        Assert.Equal("risk_budgets", ex.Parameter);
    }

    /// <summary>An asset whose own risk is ≤ 0 (always gaining: CVaR &lt; 0; constant: MAD = 0) makes F unbounded below.</summary>
    [Theory]
    [InlineData(RiskMeasure.ConditionalValueAtRisk)]
    [InlineData(RiskMeasure.Mad)]
    public void Solve_AssetWithoutRisk_InfeasibleOnRiskMeasure(RiskMeasure measure)
    {
        var r = ScenarioData.Random(5, 300, 4);
        for (var s = 0; s < r.GetLength(0); s++)
        {
            r[s, 0] = measure == RiskMeasure.Mad ? 0.001 : 0.001 + (0.0005 * Math.Sin(s));
        }

        var ex = Assert.Throws<OptimizationException>(() => ScenarioRiskBudgeting.Solve(r, measure, 0.05, null, TimeSpan.FromSeconds(60)));
        Assert.Equal(OptimizationErrorKind.Infeasible, ex.Kind);
        Assert.Equal("risk_measure", ex.Parameter);
    }

    [Fact]
    public void Optimize_RiskParityWithCvar_RoutesToScenarioBudgeting()
    {
        var r = ScenarioData.Riskfolio;
        var names = Enumerable.Range(0, 10).Select(j => $"A{j}").ToArray();
        var table = new AssetTable(names, Enumerable.Range(0, r.GetLength(0)).Select(t => $"d{t}").ToArray(), r);
        var result = PortfolioOptimizer.Optimize(new OptimizationRequest { Assets = names, Returns = table, Method = OptimizationMethod.RiskParity, RiskMeasure = RiskMeasure.ConditionalValueAtRisk });
        var direct = ScenarioRiskBudgeting.Solve(r, RiskMeasure.ConditionalValueAtRisk, ScenarioRisk.DefaultAlpha, null, TimeSpan.FromSeconds(60)).Weights;
        Assert.Equal(direct, result.Weights);
    }

    // The cut solver (CDaR) is optimal to an objective gap of 1e-12, the barrier to ~1e-15.
    private static double Slack(RiskMeasure measure) => measure == RiskMeasure.ConditionalDrawdownAtRisk ? 1e-9 : 1e-12;

    private static double[] Budgets(bool unequal, int n) =>
        unequal ? [5, .. Enumerable.Range(1, n - 1).Select(i => 1.0 + (i % 3))] : [.. Enumerable.Repeat(1.0, n)];

    private static double[] Bump(double[] w, int i, double h)
    {
        var x = (double[])w.Clone();
        x[i] += h;
        return x;
    }

    private static double LogSum(double[] x, double[] b) => x.Select((v, i) => b[i] * Math.Log(v)).Sum();
}
