using BenchmarkDotNet.Attributes;
using RiskGrpc.Optimization.Hierarchical;

namespace RiskGrpc.Benchmarks.Optimization;

/// <summary>HRP with single linkage from a covariance (correlation implied). Target: ≤ 10 ms for 500 assets.</summary>
public class HrpBenchmarks
{
    private double[,] _cov = new double[0, 0];

    /// <summary>Number of assets.</summary>
    [Params(100, 500)]
    public int Assets { get; set; }

    /// <summary>Builds the seeded covariance and checks the weights.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cov = SyntheticMarket.Create(Assets).Cov;
        if (Math.Abs(Hrp().Sum() - 1) > 1e-10)
        {
            throw new InvalidOperationException("HRP weights do not sum to 1");
        }
    }

    /// <summary>Clustering, seriation and recursive bisection.</summary>
    [Benchmark]
    public double[] Hrp() => HierarchicalRiskParity.Compute(_cov, null, new HierarchicalOptions { Linkage = LinkageMethod.Single }).Weights;
}
