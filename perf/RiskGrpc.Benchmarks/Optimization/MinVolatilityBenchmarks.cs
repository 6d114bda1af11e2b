using BenchmarkDotNet.Attributes;
using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Benchmarks.Optimization;

/// <summary>Long-only minimum variance (Σw = 1, 0 ≤ w ≤ 1) with the Goldfarb-Idnani solver. Targets: ≤ 100 µs (20), ≤ 5 ms (100), ≤ 50 ms (500).</summary>
public class MinVolatilityBenchmarks
{
    private double[,] _cov = new double[0, 0];

    /// <summary>Number of assets.</summary>
    [Params(20, 100, 500)]
    public int Assets { get; set; }

    /// <summary>Builds the seeded covariance and checks the solution is a valid portfolio.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cov = SyntheticMarket.Create(Assets).Cov;
        var w = MinVolatility();
        if (Math.Abs(w.Sum() - 1) > 1e-10 || w.Any(x => x < 0))
        {
            throw new InvalidOperationException("min volatility returned an invalid portfolio");
        }
    }

    /// <summary>One full solve including QP construction.</summary>
    [Benchmark]
    public double[] MinVolatility() => new MeanVarianceOptimizer(null, _cov, PortfolioConstraints.LongOnly(Assets)).MinVolatility().Weights;
}
