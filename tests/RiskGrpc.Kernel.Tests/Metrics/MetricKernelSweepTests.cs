namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>The kernel against <see cref="ScalarReferenceMetrics"/> for every length 0..300 of each series shape.</summary>
public sealed class MetricKernelSweepTests
{
    private static readonly double[] Confidences = [0.95, 0.99, 0.9];

    public static TheoryData<string> Shapes() => new(ReturnSeries.Shapes);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Compute_EveryLength0To300_MatchesScalarReference(string shape)
    {
        var tail = new TailRiskMetrics[Confidences.Length];
        for (var n = 0; n <= 300; n++)
        {
            var r = ReturnSeries.Create(shape, n, seed: 1000 + n);
            var scratch = new double[MetricKernel.ScratchLength(n)];

            MetricKernel.Compute(r, new MetricParameters(252, 0.02), Confidences, scratch, out var actual, tail);

            var expected = ScalarReferenceMetrics.Compute(r, 252, 0.02);
            MetricAssert.Equal(expected, actual, $"{shape} n={n}");
            for (var i = 0; i < Confidences.Length; i++)
            {
                MetricAssert.Equal(ScalarReferenceMetrics.Tail(r, Confidences[i]), tail[i], $"{shape} n={n} c={Confidences[i]}");
            }
        }
    }
}
