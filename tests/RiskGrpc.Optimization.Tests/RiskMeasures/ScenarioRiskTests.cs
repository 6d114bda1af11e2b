using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

public sealed class ScenarioRiskTests
{
    public static TheoryData<RiskMeasure> Measures()
    {
        var data = new TheoryData<RiskMeasure>();
        foreach (var m in RiskMeasureInfo.All)
        {
            data.Add(m);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Evaluate_RandomScenarios_EqualsScalarReference(RiskMeasure measure)
    {
        foreach (var (seed, t, alpha) in new[] { (1, 200, 0.05), (2, 57, 0.05), (3, 333, 0.1), (4, 10, 0.25), (5, 1000, 0.01) })
        {
            var r = ScenarioData.Random(seed, t, 6);
            var w = ScenarioData.RandomWeights(new Random(seed), 6);
            var x = ScenarioRisk.PortfolioReturns(r, w);
            var expected = ScalarRiskReference.Evaluate(measure, x, alpha);
            var actual = ScenarioRisk.Evaluate(measure, r, w, alpha);
            var tol = measure is RiskMeasure.EntropicValueAtRisk or RiskMeasure.EntropicDrawdownAtRisk ? 1e-9 : 1e-12;
            Assert.True(Math.Abs(actual - expected) <= tol * Math.Max(1, Math.Abs(expected)), $"{measure} seed {seed}: {actual:R} vs reference {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Evaluate_ScaledWeights_IsPositivelyHomogeneous(RiskMeasure measure)
    {
        var r = ScenarioData.Random(11, 150, 5);
        var w = ScenarioData.RandomWeights(new Random(11), 5);
        var baseRisk = ScenarioRisk.Evaluate(measure, r, w);
        foreach (var c in new[] { 0.5, 2.0, 7.25 })
        {
            var scaled = ScenarioRisk.Evaluate(measure, r, w.Select(v => c * v).ToArray());
            var expected = RiskMeasureInfo.IsPositivelyHomogeneous(measure) ? c * baseRisk : c * c * baseRisk;
            Assert.True(Math.Abs(scaled - expected) <= 1e-9 * Math.Abs(expected), $"{measure} c={c}: {scaled:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Evaluate_KnownSeries_MatchesHandComputedValues()
    {
        double[] x = [0.01, -0.02, 0.03, -0.01, 0.005];

        // Cumulative sums 0.01, −0.01, 0.02, 0.01, 0.015 (peak 0.01 then 0.02): drawdowns 0, 0.02, 0, 0.01, 0.005.
        Assert.Equal(0.02, ScenarioRisk.Evaluate(RiskMeasure.MaxDrawdown, x), 15);
        Assert.Equal(0.035 / 5, ScenarioRisk.Evaluate(RiskMeasure.AverageDrawdown, x), 15);
        Assert.Equal(0.02, ScenarioRisk.Evaluate(RiskMeasure.WorstRealization, x), 15);
        Assert.Equal(0.05, ScenarioRisk.Evaluate(RiskMeasure.Range, x), 15);

        // α = 0.2, T = 5: the single worst return.
        Assert.Equal(0.02, ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, x, 0.2), 15);
        Assert.Equal(0.03 / 5, ScenarioRisk.Evaluate(RiskMeasure.FirstLowerPartialMoment, x), 15);
    }

    [Fact]
    public void Evaluate_EntropicMeasures_LieBetweenCvarAndWorstCase()
    {
        var r = ScenarioData.Riskfolio;
        var w = Enumerable.Repeat(0.1, 10).ToArray();
        var all = ScenarioRisk.EvaluateAll(r, w);
        Assert.InRange(all[RiskMeasure.EntropicValueAtRisk], all[RiskMeasure.ConditionalValueAtRisk], all[RiskMeasure.WorstRealization]);
        Assert.InRange(all[RiskMeasure.EntropicDrawdownAtRisk], all[RiskMeasure.ConditionalDrawdownAtRisk], all[RiskMeasure.MaxDrawdown]);
    }

    [Fact]
    public void Evaluate_NonFiniteScenario_ThrowsInvalidNamingReturns()
    {
        var r = ScenarioData.Random(3, 20, 2);
        r[4, 1] = double.NaN;
        var ex = Assert.Throws<OptimizationException>(() => ScenarioRisk.Evaluate(RiskMeasure.Mad, r, [0.5, 0.5]));
        Assert.Equal(OptimizationErrorKind.InvalidInput, ex.Kind);
        Assert.Equal("returns", ex.Parameter);
    }

    [Fact]
    public void Evaluate_AlphaOutOfRange_ThrowsInvalidNamingAlpha()
    {
        var ex = Assert.Throws<OptimizationException>(() => ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, ScenarioData.Random(3, 20, 2), [0.5, 0.5], 1.5));
        Assert.Equal("alpha", ex.Parameter);
    }
}
