using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Relative;

public sealed class RelativeMetricKernelTests
{
    private static readonly MetricParameters WithRiskFree = new(252, 0.03);

    public static TheoryData<int> SweepLengths() => new(Enumerable.Range(0, 301));

    [Theory]
    [MemberData(nameof(SweepLengths))]
    public void Compute_SeededRandomSeriesOfLength_MatchesScalarReference(int length)
    {
        // Arrange: daily-like returns, a benchmark correlated with them, and an rf so excess returns differ from r.
        var rng = new Random(1000 + length);
        var b = Enumerable.Range(0, length).Select(_ => Normal(rng, 0.0004, 0.01)).ToArray();
        var r = b.Select(x => (0.7 * x) + Normal(rng, 0.0002, 0.008)).ToArray();

        // Act + Assert
        AssertMatchesReference(r, b, WithRiskFree, $"n={length}");
    }

    public static TheoryData<string> DegenerateScenarios() => new(Degenerate.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(DegenerateScenarios))]
    public void Compute_DegenerateScenario_MatchesScalarReferenceAndDoesNotThrow(string scenario)
    {
        var (r, b) = Degenerate[scenario]();
        AssertMatchesReference(r, b, WithRiskFree, scenario);
    }

    [Fact]
    public void Compute_ConstantBenchmark_BetaAndCorrelationAreNaN()
    {
        var r = new[] { 0.01, -0.02, 0.03, 0.0, 0.015 };
        var b = Enumerable.Repeat(0.001, r.Length).ToArray();

        var m = RelativeMetricsFields.Run(r, b, MetricParameters.Default);

        Assert.True(double.IsNaN(m.Beta));
        Assert.True(double.IsNaN(m.Alpha));
        Assert.True(double.IsNaN(m.AlphaLinear));
        Assert.True(double.IsNaN(m.Correlation));
        Assert.True(double.IsNaN(m.RSquared));
        Assert.True(double.IsNaN(m.TreynorRatio));
        Assert.True(double.IsFinite(m.InformationRatio));
        Assert.True(double.IsNaN(m.DownCapture), "no down rows");
        Assert.True(double.IsNaN(m.UpBeta), "constant benchmark on the up rows too");
        Assert.True(double.IsNaN(m.BattingAverageDown));
        Assert.Equal(0.6, m.BattingAverage, 15);
    }

    [Fact]
    public void Compute_IdenticalSeries_BetaOneCaptureOneInformationRatioNaN()
    {
        var r = new[] { 0.01, -0.02, 0.03, 0.005, -0.01, 0.02 };

        var m = RelativeMetricsFields.Run(r, r.ToArray(), WithRiskFree);

        Tolerance.Close(1, m.Beta, 1e-14, label: "beta");
        Tolerance.Close(1, m.Correlation, 1e-14, label: "correlation");
        Tolerance.Close(1, m.Capture, 1e-14, label: "capture");
        Tolerance.Close(1, m.UpCapture, 1e-14, label: "up capture");
        Tolerance.Close(1, m.DownCapture, 1e-14, label: "down capture");
        Tolerance.Close(0, m.Alpha, 0, 1e-15, label: "alpha");
        Assert.True(double.IsNaN(m.InformationRatio), "0 / 0");
        Assert.Equal(0, m.TrackingError);
        Assert.Equal(0, m.BattingAverage);
    }

    [Fact]
    public void Compute_ActiveReturnConstantNonZero_InformationRatioIsInfinite()
    {
        // r − b = 0.25 on every row (exact in binary): zero spread with a positive mean is +Infinity by the catalogue rule.
        var b = new[] { 0.5, -0.25, 0.125, 0.75 };
        var r = b.Select(x => x + 0.25).ToArray();

        var m = RelativeMetricsFields.Run(r, b, MetricParameters.Default);

        Assert.Equal(double.PositiveInfinity, m.InformationRatio);
        Assert.Equal(0, m.TrackingError);
    }

    [Fact]
    public void Compute_EmptySeries_AllNaN()
    {
        RelativeMetricKernel.Compute([], [], MetricParameters.Default, [], out var m);

        Assert.All(RelativeMetricsFields.Enumerate(m), f => Assert.True(double.IsNaN(f.Value), f.Name));
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        var scratch = new double[16];
        Assert.Throws<ArgumentException>(() => RelativeMetricKernel.Compute([0.1, 0.2], [0.1], MetricParameters.Default, scratch, out _));
    }

    [Fact]
    public void Compute_ScratchTooShort_Throws()
    {
        var r = new[] { 0.1, 0.2, 0.3 };
        var scratch = new double[RelativeMetricKernel.ScratchLength(r.Length) - 1];
        Assert.Throws<ArgumentException>(() => RelativeMetricKernel.Compute(r, r, MetricParameters.Default, scratch, out _));
    }

    [Fact]
    public void Compute_ScratchOverlapsInput_Throws()
    {
        var buffer = new double[20];
        Assert.Throws<ArgumentException>(() =>
            RelativeMetricKernel.Compute(buffer.AsSpan(0, 4), buffer.AsSpan(4, 4), MetricParameters.Default, buffer.AsSpan(6), out _));
    }

    [Fact]
    public void Compute_LongerScratchWithGarbage_SameResult()
    {
        var rng = new Random(5);
        var b = Enumerable.Range(0, 57).Select(_ => Normal(rng, 0, 0.01)).ToArray();
        var r = b.Select(x => x + Normal(rng, 0, 0.01)).ToArray();
        var scratch = Enumerable.Repeat(double.NaN, RelativeMetricKernel.ScratchLength(57) + 9).ToArray();

        RelativeMetricKernel.Compute(r, b, WithRiskFree, scratch, out var dirty);

        Assert.Equal(RelativeMetricsFields.Run(r, b, WithRiskFree), dirty);
    }

    [Fact]
    public void ScratchLength_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RelativeMetricKernel.ScratchLength(-1));

    internal static double Normal(Random rng, double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));

    private static readonly Dictionary<string, Func<(double[] R, double[] B)>> Degenerate = new()
    {
        ["constant benchmark"] = () => ([0.01, -0.02, 0.03, 0.0, 0.015], [0.002, 0.002, 0.002, 0.002, 0.002]),
        ["zero benchmark"] = () => ([0.01, -0.02, 0.03, 0.0], [0, 0, 0, 0]),
        ["no up rows"] = () => ([0.01, -0.02, 0.03, 0.0, 0.02], [-0.01, -0.02, -0.005, 0, -0.03]),
        ["no down rows"] = () => ([0.01, -0.02, 0.03, 0.0, 0.02], [0.01, 0.02, 0.005, 0, 0.03]),
        ["identical series"] = () => ([0.01, -0.02, 0.03, 0.005, -0.01], [0.01, -0.02, 0.03, 0.005, -0.01]),
        ["single row"] = () => ([0.01], [0.02]),
        ["two rows"] = () => ([0.01, -0.01], [0.02, -0.03]),
        ["one up row one down row"] = () => ([0.01, 0.02, -0.01], [0.03, 0, -0.02]),
        ["constant returns"] = () => ([0.001, 0.001, 0.001, 0.001], [0.01, -0.02, 0.015, 0.0]),
        ["tied benchmark values"] = () => ([0.01, 0.02, -0.01, 0.03, 0.04, -0.02], [0.01, 0.01, -0.01, 0.01, -0.01, 0.02]),
        ["total loss row"] = () => ([-1.0, 0.1, 0.05], [0.01, -0.02, 0.03]),
    };

    private static void AssertMatchesReference(double[] r, double[] b, MetricParameters p, string label)
    {
        var expected = RelativeMetricsFields.Enumerate(ScalarRelativeReference.Compute(r, b, p)).ToArray();
        var actual = RelativeMetricsFields.Enumerate(RelativeMetricsFields.Run(r, b, p)).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Tolerance.Close(expected[i].Value, actual[i].Value, 1e-9, 1e-12, $"{label} {expected[i].Name}");
        }
    }
}
