using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

/// <summary>Tail Gini by Kelley cuts against the full OWA LP (one block of T slacks per θ jump) on the same scenarios.</summary>
public sealed class OwaCutsTests
{
    [Theory]
    [InlineData(5, 250, 8)]
    [InlineData(6, 400, 20)]
    public void MinRisk_TailGini_EqualsTheFullOwaLp(int seed, int t, int n)
    {
        var r = ScenarioData.Random(seed, t, n);
        var cut = ScenarioOptimizer.Optimize(new ScenarioProblem { Returns = r, Measure = RiskMeasure.TailGini, Objective = RiskObjective.MinRisk }).Weights;

        var full = ScenarioModelBuilder.Create(r, PortfolioConstraints.LongOnly(n), RiskMeasure.TailGini, 0.05, homogenised: false);
        full.Model.AddCost(full.Risk, 1);
        var s = GlopLinearProgram.Solve(full.Model, TimeSpan.FromSeconds(120));
        Assert.Equal(ScenarioSolveStatus.Optimal, s.Status);

        var rho = ScenarioRisk.Evaluate(RiskMeasure.TailGini, r, cut);
        Assert.Equal(1, cut.Sum(), 12);
        Assert.True(Math.Abs(rho - s.Objective) <= 1e-10 * Math.Abs(s.Objective), $"cuts {rho:R} vs full LP {s.Objective:R}");
    }

    [Fact]
    public void Piece_EqualsTheMeasureAtItsPointAndBoundsItElsewhere()
    {
        var r = ScenarioData.Random(9, 300, 6);
        var cuts = new OwaCuts(r, OwaWeights.TailGini(300, 0.05));
        var rng = new Random(4);
        var w = Enumerable.Range(0, 6).Select(_ => rng.NextDouble()).ToArray();
        var (g, value, isNew) = cuts.Piece(w);
        Assert.True(isNew);
        Assert.False(cuts.Piece(w).IsNew);
        Assert.Equal(ScenarioRisk.Evaluate(RiskMeasure.TailGini, r, w), value, 1e-15);
        Assert.Equal(value, g.Select((v, j) => v * w[j]).Sum(), 1e-14);
        for (var k = 0; k < 200; k++)
        {
            var v = Enumerable.Range(0, 6).Select(_ => rng.NextDouble() - 0.3).ToArray();
            Assert.True(g.Select((c, j) => c * v[j]).Sum() <= ScenarioRisk.Evaluate(RiskMeasure.TailGini, r, v) + 1e-14);
        }
    }
}
