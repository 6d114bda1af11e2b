using BenchmarkDotNet.Attributes;
using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Benchmarks.Optimization;

/// <summary>Long-only maximum Sharpe (rf = 0.02, homogenised QP). Target: within 1.5× of minimum variance.</summary>
public class MaxSharpeBenchmarks
{
    private double[] _mu = [];
    private double[,] _cov = new double[0, 0];

    /// <summary>Number of assets.</summary>
    [Params(20, 100, 500)]
    public int Assets { get; set; }

    /// <summary>Builds the seeded inputs (μ shifted so some assets beat rf) and checks the result.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_mu, _cov, _) = SyntheticMarket.Create(Assets);
        var w = MaxSharpe();
        if (Math.Abs(w.Sum() - 1) > 1e-10 || w.Any(x => x < 0))
        {
            throw new InvalidOperationException("max Sharpe returned an invalid portfolio");
        }
    }

    /// <summary>One full solve including QP construction.</summary>
    [Benchmark]
    public double[] MaxSharpe() => new MeanVarianceOptimizer(_mu, _cov, PortfolioConstraints.LongOnly(Assets)).MaxSharpe(0.02).Weights;
}
