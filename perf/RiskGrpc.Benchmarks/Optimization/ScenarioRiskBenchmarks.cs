using BenchmarkDotNet.Attributes;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskMeasures;
using RiskGrpc.Optimization.Scenario;

namespace RiskGrpc.Benchmarks.Optimization;

/// <summary>
/// Scenario LPs on T = 1000 synthetic daily returns, long only: min-CVaR on GLOP (the scenario engine) against the
/// existing CVaR interior point, and min-CDaR on GLOP. Targets: min-CVaR ≤ 5 ms (n = 20), ≤ 40 ms (n = 100); CDaR ≤ 2×.
/// </summary>
public class ScenarioRiskBenchmarks
{
    private double[,] _returns = new double[0, 0];

    /// <summary>Number of assets.</summary>
    [Params(20, 100)]
    public int Assets { get; set; }

    /// <summary>Builds the seeded scenarios and checks both CVaR engines agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _returns = SyntheticMarket.Create(Assets).Returns;
        var glop = ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, _returns, MinCvarGlop());
        var ipm = ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, _returns, MinCvarInteriorPoint());
        if (Math.Abs(glop - ipm) > 1e-7 * glop)
        {
            throw new InvalidOperationException($"CVaR engines disagree: GLOP {glop} vs interior point {ipm}");
        }
    }

    /// <summary>Min CVaR (α = 0.05) built and solved on GLOP.</summary>
    [Benchmark(Baseline = true)]
    public double[] MinCvarGlop() => Solve(RiskMeasure.ConditionalValueAtRisk);

    /// <summary>Min CVaR (β = 0.95) on the existing primal-dual interior point (bounds and budget only).</summary>
    [Benchmark]
    public double[] MinCvarInteriorPoint() => ConditionalValueAtRisk.Minimize(_returns, 0.95, PortfolioConstraints.LongOnly(Assets)).Weights;

    /// <summary>Min CDaR (α = 0.05) built and solved on GLOP.</summary>
    [Benchmark]
    public double[] MinCdarGlop() => Solve(RiskMeasure.ConditionalDrawdownAtRisk);

    private double[] Solve(RiskMeasure measure) =>
        ScenarioOptimizer.Optimize(new ScenarioProblem { Returns = _returns, Measure = measure, Objective = RiskObjective.MinRisk }).Weights;
}
