using BenchmarkDotNet.Attributes;
using RiskGrpc.Benchmarks.Kernel;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Benchmarks.Engine;

/// <summary>
/// The batch target of the metric engine: 1,000 portfolios × 2,520 daily returns (with and without a benchmark) through
/// <see cref="IMetricsEngine.ComputeBatch"/>, which is what <c>ComputeMetricsBatch</c> runs inside the server after
/// parsing, spread over all cores. The baseline is the same work on one thread.
/// </summary>
public class MetricsBatchBenchmarks
{
    private readonly IMetricsEngine _engine = MetricsEngine.Create();
    private MetricsRequest[] _requests = [];

    [Params(1000)]
    public int Portfolios { get; set; }

    [Params(2520)]
    public int Length { get; set; }

    [Params(false, true)]
    public bool WithBenchmark { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _requests = new MetricsRequest[Portfolios];
        for (var i = 0; i < Portfolios; i++)
        {
            var (r, b) = BenchmarkSeries.Pair(Length, seed: 1000 + i);
            _requests[i] = new MetricsRequest { Returns = r, Benchmark = WithBenchmark ? b : ReadOnlyMemory<double>.Empty };
        }

        var batch = _engine.ComputeBatch(_requests);
        var single = _engine.Compute(_requests[7]);
        BenchmarkSeries.Check(batch.All(item => item.Error is null), "every series answers");
        BenchmarkSeries.Check(batch[7].Result!.Metrics.Sharpe.Equals(single.Metrics.Sharpe), "batch equals single call");
    }

    [Benchmark(Baseline = true)]
    public double SequentialOneCore()
    {
        var sum = 0.0;
        foreach (var request in _requests)
        {
            sum += _engine.Compute(request).Metrics.Sharpe;
        }

        return sum;
    }

    [Benchmark]
    public MetricsBatchItem[] ParallelBatch() => _engine.ComputeBatch(_requests);
}
