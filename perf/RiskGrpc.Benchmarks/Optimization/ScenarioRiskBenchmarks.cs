using BenchmarkDotNet.Attributes;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Benchmarks.Optimization;

/// <summary>
/// Scenario LPs on T = 1000 synthetic daily returns, long only, on GLOP (min-CVaR, min-CDaR) and CVaR risk parity (log barrier). Targets: min-CVaR ≤ 5 ms
/// (n = 20), ≤ 40 ms (n = 100); CDaR ≤ 2×. (The former CVaR interior point measured 3.7–12.7× slower and was removed;
/// perf/results/scenario-risk-2026-12-04-glop-vs-cvar-ipm-report-github.md.)
/// </summary>
public class ScenarioRiskBenchmarks
{
    private double[,] _returns = new double[0, 0];

    /// <summary>Number of assets.</summary>
    [Params(20, 100)]
    public int Assets { get; set; }

    /// <summary>Builds the seeded scenarios and checks the optima sum to 1.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _returns = SyntheticMarket.Create(Assets).Returns;
        if (Math.Abs(MinCvarGlop().Sum() - 1) > 1e-9 || Math.Abs(MinCdarGlop().Sum() - 1) > 1e-9)
        {
            throw new InvalidOperationException("scenario optima do not sum to 1");
        }
    }

    /// <summary>Min CVaR (α = 0.05) built and solved on GLOP.</summary>
    [Benchmark(Baseline = true)]
    public double[] MinCvarGlop() => Solve(RiskMeasure.ConditionalValueAtRisk);

    /// <summary>Min CDaR (α = 0.05) built and solved on GLOP.</summary>
    [Benchmark]
    public double[] MinCdarGlop() => Solve(RiskMeasure.ConditionalDrawdownAtRisk);

    /// <summary>Min tail Gini (α = 0.05) by Kelley cuts on GLOP (the full OWA LP took 23.7 s at n = 20).</summary>
    [Benchmark]
    public double[] MinTailGini() => Solve(RiskMeasure.TailGini);

    /// <summary>Risk parity (equal budgets) with CVaR (α = 0.05): the log-barrier Newton method. Target ≤ 50 ms at n = 20.</summary>
    [Benchmark]
    public double[] RiskParityCvar() =>
        ScenarioRiskBudgeting.Solve(_returns, RiskMeasure.ConditionalValueAtRisk, ScenarioRisk.DefaultAlpha, null, TimeSpan.FromSeconds(60)).Weights;

    /// <summary>Risk parity (equal budgets) with CDaR (α = 0.05): log-tangent cuts on GLOP.</summary>
    [Benchmark]
    public double[] RiskParityCdar() =>
        ScenarioRiskBudgeting.Solve(_returns, RiskMeasure.ConditionalDrawdownAtRisk, ScenarioRisk.DefaultAlpha, null, TimeSpan.FromSeconds(60)).Weights;

    private double[] Solve(RiskMeasure measure) =>
        ScenarioOptimizer.Optimize(new ScenarioProblem { Returns = _returns, Measure = measure, Objective = RiskObjective.MinRisk }).Weights;
}
