using BenchmarkDotNet.Attributes;
using RiskGrpc.Kernel;

namespace RiskGrpc.Benchmarks.Kernel;

/// <summary>
/// <see cref="RelativeMetricKernel.Compute"/> on daily series (10 years, and an odd length). The baseline is the
/// moment pass (means, var(r), var(b), cov) written as plain scalar loops; <c>Moments</c> is the same pass through
/// TensorPrimitives as the kernel does it, and <c>Compute</c> is every relative metric.
/// </summary>
[BenchmarkCategory("Kernel", "Relative")]
public class RelativeMetricKernelBenchmarks
{
    private double[] returns = [];
    private double[] benchmark = [];
    private double[] scratch = [];

    [Params(2520, 4103)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (returns, benchmark) = BenchmarkSeries.Pair(N, seed: 7);
        scratch = new double[RelativeMetricKernel.ScratchLength(N)];

        // Correctness: the kernel's beta and information ratio against the scalar loops.
        var m = Compute();
        var (meanR, meanB, varB, cov) = ScalarMomentsCore();
        BenchmarkSeries.Check(BenchmarkSeries.Close(cov / varB, m.Beta), "beta");
        BenchmarkSeries.Check(BenchmarkSeries.Close(cov / varB, Moments()), "moments");
        double sd = 0, mean = meanR - meanB;
        for (var i = 0; i < N; i++)
        {
            var d = returns[i] - benchmark[i] - mean;
            sd += d * d;
        }

        BenchmarkSeries.Check(BenchmarkSeries.Close(mean / Math.Sqrt(sd / (N - 1)), m.InformationRatio), "information ratio");
    }

    [Benchmark(Baseline = true)]
    public double ScalarMoments()
    {
        var (_, _, varB, cov) = ScalarMomentsCore();
        return cov / varB;
    }

    [Benchmark]
    public double Moments() => PairMoments.Compute(returns, benchmark, scratch.AsSpan(0, N), scratch.AsSpan(N, N)).Beta;

    [Benchmark]
    public RelativeMetrics Compute()
    {
        RelativeMetricKernel.Compute(returns, benchmark, MetricParameters.Default, scratch, out var m);
        return m;
    }

    private (double MeanR, double MeanB, double VarB, double Cov) ScalarMomentsCore()
    {
        double sr = 0, sb = 0;
        for (var i = 0; i < returns.Length; i++)
        {
            sr += returns[i];
            sb += benchmark[i];
        }

        double meanR = sr / returns.Length, meanB = sb / returns.Length, vb = 0, vr = 0, c = 0;
        for (var i = 0; i < returns.Length; i++)
        {
            var dr = returns[i] - meanR;
            var db = benchmark[i] - meanB;
            vr += dr * dr;
            vb += db * db;
            c += dr * db;
        }

        return (meanR, meanB, vb / returns.Length, c / returns.Length);
    }
}
