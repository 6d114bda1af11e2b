using BenchmarkDotNet.Attributes;
using RiskGrpc.Kernel;

namespace RiskGrpc.Benchmarks.Kernel;

/// <summary>
/// <see cref="RollingMetricKernel"/> over daily series with a quarterly (63-row) window. The baseline recomputes the
/// sharpe of every window two-pass (O(n·w)), which is what the sliding sums replace.
/// </summary>
[BenchmarkCategory("Kernel", "Rolling")]
public class RollingMetricKernelBenchmarks
{
    private const int Window = 63;

    private double[] returns = [];
    private double[] benchmark = [];
    private double[] destination = [];

    [Params(2520, 4103)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (returns, benchmark) = BenchmarkSeries.Pair(N, seed: 11);
        destination = new double[RollingMetricKernel.OutputLength(N, Window)];

        // Correctness: the sliding sharpe against the per-window recomputation, at every window.
        var expected = new double[destination.Length];
        PerWindowSharpe(expected);
        Sharpe();
        for (var i = 0; i < expected.Length; i++)
        {
            BenchmarkSeries.Check(BenchmarkSeries.Close(expected[i], destination[i]), $"sharpe window {i}");
        }
    }

    [Benchmark(Baseline = true)]
    public double PerWindowSharpe() => PerWindowSharpe(destination);

    [Benchmark]
    public double Sharpe()
    {
        RollingMetricKernel.Sharpe(returns, Window, MetricParameters.Default, destination);
        return destination[^1];
    }

    [Benchmark]
    public double Volatility()
    {
        RollingMetricKernel.Volatility(returns, Window, MetricParameters.Default, destination);
        return destination[^1];
    }

    [Benchmark]
    public double Sortino()
    {
        RollingMetricKernel.Sortino(returns, Window, MetricParameters.Default, destination);
        return destination[^1];
    }

    [Benchmark]
    public double Beta()
    {
        RollingMetricKernel.Beta(returns, benchmark, Window, destination);
        return destination[^1];
    }

    [Benchmark]
    public double MaxDrawdown()
    {
        RollingMetricKernel.MaxDrawdown(returns, Window, destination);
        return destination[^1];
    }

    private double PerWindowSharpe(double[] output)
    {
        var sqrtA = Math.Sqrt(252);
        for (var i = 0; i < output.Length; i++)
        {
            var w = returns.AsSpan(i, Window);
            double sum = 0;
            foreach (var x in w)
            {
                sum += x;
            }

            var mean = sum / Window;
            double m2 = 0;
            foreach (var x in w)
            {
                m2 += (x - mean) * (x - mean);
            }

            output[i] = mean / Math.Sqrt(m2 / (Window - 1)) * sqrtA;
        }

        return output[^1];
    }
}
