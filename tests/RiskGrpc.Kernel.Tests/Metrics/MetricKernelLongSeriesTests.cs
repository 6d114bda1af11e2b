namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>
/// Long series against the scalar reference, with shapes that stress the tail-threshold guess (a two-point series
/// defeats the normal guess and forces widening) and more confidence levels than the selector remembers.
/// </summary>
public sealed class MetricKernelLongSeriesTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var shape in ReturnSeries.Shapes.Append("two-point").Append("one-outlier"))
        {
            foreach (var n in new[] { 65, 1000, 2520, 4103 })
            {
                data.Add(shape, n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_LongSeries_MatchesScalarReference(string shape, int n)
    {
        var r = Create(shape, n);
        double[] levels = [0.95, 0.99, 0.999, 0.9, 0.75, 0.5, 0.3];
        var tail = new TailRiskMetrics[levels.Length];

        MetricKernel.Compute(r, new MetricParameters(252, 0.03), levels, new double[MetricKernel.ScratchLength(n)], out var m, tail);

        MetricAssert.Equal(ScalarReferenceMetrics.Compute(r, 252, 0.03), m, $"{shape} n={n}");
        for (var i = 0; i < levels.Length; i++)
        {
            // CVaR for c < 0.5 sums the small side as total − the large side: an absolute error of ~1e-16·Σ|r|.
            MetricAssert.Equal(ScalarReferenceMetrics.Tail(r, levels[i]), tail[i], $"{shape} n={n} c={levels[i]}", absFloor: 1e-13);
        }
    }

    [Fact]
    public void Compute_MoreConfidenceLevelsThanRankMemory_EveryLevelMatchesReference()
    {
        var r = ReturnSeries.Create("fat-tailed", 2520, seed: 3);
        var levels = Enumerable.Range(1, 80).Select(i => 0.5 + (i * 0.006)).ToArray();
        var tail = new TailRiskMetrics[levels.Length];

        MetricKernel.Compute(r, MetricParameters.Default, levels, new double[MetricKernel.ScratchLength(r.Length)], out _, tail);

        for (var i = 0; i < levels.Length; i++)
        {
            MetricAssert.Equal(ScalarReferenceMetrics.Tail(r, levels[i]), tail[i], $"c={levels[i]}");
        }
    }

    private static double[] Create(string shape, int n)
    {
        var rng = new Random(n);
        return shape switch
        {
            "two-point" => Enumerable.Range(0, n).Select(_ => rng.NextDouble() < 0.5 ? -0.01 : 0.012).ToArray(),
            "one-outlier" => Enumerable.Range(0, n).Select(i => i == n / 3 ? -0.6 : 0.0004 + (0.003 * ReturnSeries.Gaussian(rng))).ToArray(),
            _ => ReturnSeries.Create(shape, n, seed: n),
        };
    }
}
