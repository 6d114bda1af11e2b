using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>The efficient frontier over any optimisable measure.</summary>
public static partial class ScenarioOptimizer
{
    /// <summary>
    /// <paramref name="points"/> portfolios from the minimum-risk portfolio to the maximum-return one: efficient-return at
    /// evenly spaced return targets between their expected returns (the ends are the two portfolios themselves).
    /// </summary>
    public static IReadOnlyList<PortfolioWeights> EfficientFrontier(ScenarioProblem problem, int points)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (points < 2)
        {
            throw Guard.Invalid($"a frontier needs at least two points, got {points}", "points");
        }

        var p = problem with { Objective = RiskObjective.EfficientReturn, TargetReturn = 0 };
        p = p with { Constraints = Validate(p) };
        var iterations = 0;
        var low = MinimizeRisk(p, homogenised: false, extra: null);
        var (high, _) = MaxReturn(p, ref iterations);
        var mu = p.ExpectedReturns!;
        var (r0, r1) = (Dot(mu, low.Weights), Dot(mu, high.Weights));
        var frontier = new List<PortfolioWeights> { low };
        for (var k = 1; k < points - 1; k++)
        {
            var target = r0 + ((r1 - r0) * k / (points - 1));
            frontier.Add(Optimize(p with { TargetReturn = target }));
        }

        frontier.Add(MinimizeRisk(p with { TargetReturn = r1 }, homogenised: false, extra: b => b.AddPortfolioRow(Enumerable.Range(0, mu.Length).ToArray(), mu, r1 - (1e-12 * Math.Max(1, Math.Abs(r1))), double.PositiveInfinity, "target_return")));
        return frontier;
    }
}
