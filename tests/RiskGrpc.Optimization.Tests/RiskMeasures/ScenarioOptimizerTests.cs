using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

public sealed class ScenarioOptimizerTests
{
    private const int RandomPortfolios = 1000;

    public static TheoryData<RiskMeasure> OptimisableMeasures()
    {
        var data = new TheoryData<RiskMeasure>();
        foreach (var m in RiskMeasureInfo.All.Where(m => RiskMeasureInfo.IsLinear(m) || RiskMeasureInfo.IsRootQuadratic(m)))
        {
            data.Add(m);
        }

        return data;
    }

    /// <summary>
    /// The measures of the multi-solve objectives (utility, efficient return/risk): all but Gini (an O(T²) LP, ~10 s per
    /// solve at T = 200), which the single-solve objectives cover, to bound the suite's time.
    /// </summary>
    public static TheoryData<RiskMeasure> MultiSolveMeasures()
    {
        var data = new TheoryData<RiskMeasure>();
        foreach (var m in RiskMeasureInfo.All.Where(m => (RiskMeasureInfo.IsLinear(m) || RiskMeasureInfo.IsRootQuadratic(m)) && m != RiskMeasure.GiniMeanDifference))
        {
            data.Add(m);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OptimisableMeasures))]
    public void MinRisk_RiskfolioData_BeatsRandomPortfolios(RiskMeasure measure)
    {
        var r = ScenarioData.Riskfolio;
        var w = Optimize(r, measure, RiskObjective.MinRisk).Weights;
        AssertLongOnlyBudget(w);
        var best = ScenarioRisk.Evaluate(measure, r, w);
        var rng = new Random(20240607);
        for (var i = 0; i < RandomPortfolios; i++)
        {
            var other = ScenarioRisk.Evaluate(measure, r, ScenarioData.RandomWeights(rng, 10));
            Assert.True(best <= other + 1e-10, $"{measure}: optimum {best:R} above random portfolio {other:R}");
        }
    }

    [Theory]
    [MemberData(nameof(OptimisableMeasures))]
    public void MaxRatio_RiskfolioData_BeatsRandomPortfoliosOnRatio(RiskMeasure measure)
    {
        var r = ScenarioData.Riskfolio;
        var mu = ScenarioData.Means(r);
        var w = Optimize(r, measure, RiskObjective.MaxRatio, mu).Weights;
        AssertLongOnlyBudget(w);
        var best = Ratio(r, mu, w, measure);
        var rng = new Random(7);
        for (var i = 0; i < RandomPortfolios; i++)
        {
            var other = Ratio(r, mu, ScenarioData.RandomWeights(rng, 10), measure);
            Assert.True(best >= other - 1e-9 * Math.Abs(best), $"{measure}: optimal ratio {best:R} below random {other:R}");
        }
    }

    [Theory]
    [MemberData(nameof(MultiSolveMeasures))]
    public void MaxUtility_RiskfolioData_BeatsRandomPortfoliosOnUtility(RiskMeasure measure)
    {
        var r = ScenarioData.Riskfolio;
        var mu = ScenarioData.Means(r);
        const double lambda = 0.1;
        var w = Optimize(r, measure, RiskObjective.MaxUtility, mu, p => p with { RiskAversion = lambda }).Weights;
        var best = Dot(mu, w) - (lambda * ScenarioRisk.Evaluate(measure, r, w));
        var rng = new Random(99);
        for (var i = 0; i < RandomPortfolios; i++)
        {
            var v = ScenarioData.RandomWeights(rng, 10);
            var other = Dot(mu, v) - (lambda * ScenarioRisk.Evaluate(measure, r, v));
            Assert.True(best >= other - 1e-9, $"{measure}: utility {best:R} below random {other:R}");
        }
    }

    [Theory]
    [MemberData(nameof(MultiSolveMeasures))]
    public void EfficientReturnAndRisk_MidTarget_AreConsistent(RiskMeasure measure)
    {
        var r = ScenarioData.Riskfolio;
        var mu = ScenarioData.Means(r);
        var minRisk = Optimize(r, measure, RiskObjective.MinRisk).Weights;
        var target = (Dot(mu, minRisk) + mu.Max()) / 2;
        var er = Optimize(r, measure, RiskObjective.EfficientReturn, mu, p => p with { TargetReturn = target }).Weights;
        Assert.True(Dot(mu, er) >= target - 1e-10, "target return missed");
        var risk = ScenarioRisk.Evaluate(measure, r, er);

        // Capping the risk at that level must give back (at least) the same return: the two objectives are dual.
        var ek = Optimize(r, measure, RiskObjective.EfficientRisk, mu, p => p with { RiskCap = risk }).Weights;
        Assert.True(ScenarioRisk.Evaluate(measure, r, ek) <= risk * (1 + 1e-8), "risk cap exceeded");
        // LPs are exact; the root-quadratic path is a 1-D search over regularised QPs, within 1e-5 of the target.
        var slack = RiskMeasureInfo.IsLinear(measure) ? 1e-9 : 1e-5;
        Assert.True(Dot(mu, ek) >= target - (slack * Math.Abs(target)), $"{measure}: efficient-risk return {Dot(mu, ek):R} below {target:R}");
    }

    [Fact]
    public void MinCvar_LegacyMethod_EqualsScenarioEngineMinRisk()
    {
        var prices = Reference.ReferenceData.PriceFile("riskfolio_stock_prices.csv");
        var returns = prices.SelectAssets(["AMZN", "APA", "CMCSA", "CPB", "JCI"]).ToSimpleReturns().CompleteRows();
        var legacy = Portfolios.PortfolioOptimizer.Optimize(new Portfolios.OptimizationRequest
        {
            Assets = returns.Assets,
            Returns = returns,
            Method = Portfolios.OptimizationMethod.MinCvar,
            CvarBeta = 0.95,
        });
        var direct = Optimize(returns.Values, RiskMeasure.ConditionalValueAtRisk, RiskObjective.MinRisk);
        Assert.Equal("glop", legacy.Engine);
        Assert.Equal(ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, returns.Values, direct.Weights), legacy.Risk![RiskMeasure.ConditionalValueAtRisk], 12);
    }

    [Theory]
    [InlineData(RiskMeasure.ConditionalValueAtRisk)]
    [InlineData(RiskMeasure.MaxDrawdown)]
    [InlineData(RiskMeasure.SemiDeviation)]
    public void EfficientFrontier_FivePoints_ReturnAndRiskIncreaseFromMinRisk(RiskMeasure measure)
    {
        var r = ScenarioData.Riskfolio;
        var mu = ScenarioData.Means(r);
        var frontier = ScenarioOptimizer.EfficientFrontier(new ScenarioProblem { Returns = r, Measure = measure, Objective = RiskObjective.MinRisk, ExpectedReturns = mu }, 5);

        Assert.Equal(5, frontier.Count);
        var returns = frontier.Select(f => Dot(mu, f.Weights)).ToArray();
        var risks = frontier.Select(f => ScenarioRisk.Evaluate(measure, r, f.Weights)).ToArray();
        var minRisk = ScenarioRisk.Evaluate(measure, r, Optimize(r, measure, RiskObjective.MinRisk).Weights);
        Assert.Equal(minRisk, risks[0], 10);
        Assert.Equal(mu.Max(), returns[^1], 10);
        for (var k = 1; k < 5; k++)
        {
            Assert.True(returns[k] >= returns[k - 1] - 1e-12, $"return falls at point {k}");
            Assert.True(risks[k] >= risks[k - 1] - 1e-10, $"risk falls at point {k}");
        }
    }

    [Theory]
    [InlineData(RiskMeasure.EntropicValueAtRisk)]
    [InlineData(RiskMeasure.EntropicDrawdownAtRisk)]
    public void Optimize_EntropicMeasure_FailsPreconditionNamingMeasure(RiskMeasure measure)
    {
        var ex = Assert.Throws<OptimizationException>(() => Optimize(ScenarioData.Riskfolio, measure, RiskObjective.MinRisk));
        Assert.Equal(OptimizationErrorKind.UnsupportedRiskMeasure, ex.Kind);
        Assert.Equal("risk_measure", ex.Parameter);
        Assert.Contains(RiskMeasureInfo.Name(measure), ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Gini's ~T² LP is refused up front above the scenario cap rather than left to run into the deadline.</summary>
    [Fact]
    public void Optimize_GiniBeyondScenarioCap_FailsPreconditionNamingMeasureAndCap()
    {
        var ex = Assert.Throws<OptimizationException>(() => Optimize(ScenarioData.Random(3, ScenarioOptimizer.MaxGiniScenarios + 1, 5), RiskMeasure.GiniMeanDifference, RiskObjective.MinRisk));
        Assert.Equal(OptimizationErrorKind.UnsupportedRiskMeasure, ex.Kind);
        Assert.Equal("risk_measure", ex.Parameter);
        Assert.Contains("gini", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {ScenarioOptimizer.MaxGiniScenarios} scenarios (got {ScenarioOptimizer.MaxGiniScenarios + 1})", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_ContradictoryGroup_NamesTheGroup()
    {
        var c = new PortfolioConstraints(10, 0, 0.2)
        {
            Groups = [new GroupConstraint("tech", [0, 1], 0.5, 1), new GroupConstraint("rest", [2, 3, 4], 0, 1)],
        };
        var ex = Assert.Throws<OptimizationException>(() => Optimize(ScenarioData.Riskfolio, RiskMeasure.Mad, RiskObjective.MinRisk, null, p => p with { Constraints = c }));
        Assert.Equal(OptimizationErrorKind.Infeasible, ex.Kind);
        Assert.Contains("tech", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EfficientReturn_UnreachableTarget_NamesTargetReturn()
    {
        var r = ScenarioData.Riskfolio;
        var mu = ScenarioData.Means(r);
        var ex = Assert.Throws<OptimizationException>(() => Optimize(r, RiskMeasure.ConditionalDrawdownAtRisk, RiskObjective.EfficientReturn, mu, p => p with { TargetReturn = mu.Max() + 0.01 }));
        Assert.Equal(OptimizationErrorKind.TargetReturnUnreachable, ex.Kind);
        Assert.Equal("target_return", ex.Parameter);
    }

    [Fact]
    public void MinRisk_GroupsAndInequalities_AreRespected()
    {
        var r = ScenarioData.Riskfolio;
        var c = new PortfolioConstraints(10, 0.02, 0.3)
        {
            Groups = [new GroupConstraint("first three", [0, 1, 2], 0.4, 0.6)],
            Inequalities = [new LinearInequality("asset 5 below asset 6", [0, 0, 0, 0, 0, 1, -1, 0, 0, 0], 0)],
        };
        foreach (var m in new[] { RiskMeasure.ConditionalValueAtRisk, RiskMeasure.MaxDrawdown, RiskMeasure.SemiDeviation, RiskMeasure.TailGini })
        {
            var w = Optimize(r, m, RiskObjective.MinRisk, null, p => p with { Constraints = c }).Weights;
            Assert.Equal(1, w.Sum(), 9);
            Assert.All(w, v => Assert.InRange(v, 0.02 - 1e-9, 0.3 + 1e-9));
            Assert.InRange(w[0] + w[1] + w[2], 0.4 - 1e-9, 0.6 + 1e-9);
            Assert.True(w[5] <= w[6] + 1e-9, $"{m}: inequality violated");
        }
    }

    [Fact]
    public void MinRisk_MarketNeutral_SumsToZero()
    {
        var c = new PortfolioConstraints(10, -0.5, 0.5) { Budget = 0, Inequalities = [new LinearInequality("gross", Enumerable.Repeat(0.0, 9).Append(1.0).ToArray(), 0.2)] };
        var w = Optimize(ScenarioData.Riskfolio, RiskMeasure.Mad, RiskObjective.MaxRatio, ScenarioData.Means(ScenarioData.Riskfolio), p => p with { Constraints = c }).Weights;
        Assert.Equal(0, w.Sum(), 9);
        Assert.All(w, v => Assert.InRange(v, -0.5 - 1e-9, 0.5 + 1e-9));
    }

    internal static PortfolioWeights Optimize(double[,] r, RiskMeasure measure, RiskObjective objective, double[]? mu = null, Func<ScenarioProblem, ScenarioProblem>? edit = null)
    {
        // Gini's O(T²) LP takes ~10–20 s on a loaded machine: a generous limit keeps the suite from timing out, not the solver.
        var p = new ScenarioProblem { Returns = r, Measure = measure, Objective = objective, ExpectedReturns = mu, TimeLimit = TimeSpan.FromMinutes(10) };
        return ScenarioOptimizer.Optimize(edit is null ? p : edit(p));
    }

    private static double Ratio(double[,] r, double[] mu, double[] w, RiskMeasure m) => Dot(mu, w) / ScenarioRisk.Evaluate(m, r, w);

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static void AssertLongOnlyBudget(double[] w)
    {
        Assert.Equal(1, w.Sum(), 9);
        Assert.All(w, v => Assert.True(v >= -1e-9, $"negative weight {v}"));
    }
}
