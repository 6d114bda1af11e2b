using RiskGrpc.Kernel.Tests.Metrics;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Drawdowns;

public sealed class DrawdownAnalyzerTests
{
    public static TheoryData<string> Shapes() => new(ReturnSeries.Shapes);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CumulativeAndUnderwater_EveryLength0To300_MatchPlainLoops(string shape)
    {
        for (var n = 0; n <= 300; n++)
        {
            var r = ReturnSeries.Create(shape, n, seed: 77 + n);
            var cumulative = new double[n];
            var underwater = new double[n];

            DrawdownAnalyzer.Cumulative(r, cumulative);
            DrawdownAnalyzer.Underwater(r, underwater);

            double w = 1, peak = 1;
            for (var t = 0; t < n; t++)
            {
                w *= 1 + r[t];
                peak = Math.Max(peak, w);
                Tolerance.Close(w - 1, cumulative[t], label: $"{shape} n={n} W[{t}]");
                Tolerance.Close((w / peak) - 1, underwater[t], label: $"{shape} n={n} dd[{t}]");
            }
        }
    }

    [Fact]
    public void Underwater_InPlace_OverwritesReturnsWithDrawdowns()
    {
        double[] r = [0.1, -0.5, 0.2, 1.0];
        var expected = new double[4];
        DrawdownAnalyzer.Underwater(r, expected);

        DrawdownAnalyzer.Underwater(r, r);

        Assert.Equal(expected, r);
        Assert.Equal([0, -0.5, -0.4, 0], r);
    }

    [Fact]
    public void CumulativeAndUnderwater_DestinationTooShort_ThrowArgumentException()
    {
        var r = new double[5];

        Assert.Throws<ArgumentException>(() => DrawdownAnalyzer.Cumulative(r, new double[4]));
        Assert.Throws<ArgumentException>(() => DrawdownAnalyzer.Underwater(r, new double[4]));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Episodes_EveryLength0To300_MatchReferenceDeepestFirstAndKernelStatistics(string shape)
    {
        var buffer = new DrawdownEpisode[301];
        for (var n = 0; n <= 300; n++)
        {
            var r = ReturnSeries.Create(shape, n, seed: 500 + n);
            var dd = new double[n];
            DrawdownAnalyzer.Underwater(r, dd);
            var expected = ScalarReferenceMetrics.EpisodesOf(dd).OrderBy(e => e.Depth).ToArray();

            var count = DrawdownAnalyzer.Episodes(r, buffer);
            MetricKernel.Compute(r, MetricParameters.Default, [], new double[MetricKernel.ScratchLength(n)], out var m, []);

            Assert.Equal(expected, buffer[..count]);
            Assert.Equal(count, m.DrawdownCount);
            Assert.Equal(count == 0 ? 0 : expected.Max(e => e.Length), m.MaxDrawdownDuration);
            Tolerance.Close(count == 0 ? 0 : expected.Average(e => e.Depth), m.AvgDrawdown, label: $"{shape} n={n} avg depth");
            Tolerance.Close(count == 0 ? 0 : expected.Average(e => (double)e.Length), m.AvgDrawdownDuration, label: $"{shape} n={n} avg length");
        }
    }

    [Fact]
    public void Episodes_TiedDepths_DeepestFirstThenEarlierFirst()
    {
        // Exact binary wealth: 1, 0.5, 1, 0.5, 1, 0.25 — two recovered −50 % episodes and an open −75 % one.
        double[] r = [0.0, -0.5, 1.0, -0.5, 1.0, -0.75];
        var episodes = new DrawdownEpisode[5];

        var count = DrawdownAnalyzer.Episodes(r, episodes);

        Assert.Equal(3, count);
        Assert.Equal(new DrawdownEpisode(4, 5, -1, -0.75, 1), episodes[0]);
        Assert.Equal(new DrawdownEpisode(0, 1, 2, -0.5, 2), episodes[1]);
        Assert.Equal(new DrawdownEpisode(2, 3, 4, -0.5, 2), episodes[2]);
    }

    [Fact]
    public void Episodes_DestinationShorterThanEpisodeCount_KeepsTheDeepest()
    {
        var r = ReturnSeries.Create("gaussian", 2520, seed: 11);
        var all = new DrawdownEpisode[2520];
        var allCount = DrawdownAnalyzer.Episodes(r, all);
        var top = new DrawdownEpisode[5];

        var count = DrawdownAnalyzer.Episodes(r, top);

        Assert.True(allCount > 5);
        Assert.Equal(5, count);
        Assert.Equal(all[..5], top);
    }

    [Fact]
    public void Episodes_UnderwaterFromFirstRow_PeakIndexMinusOne()
    {
        var episodes = new DrawdownEpisode[2];

        var count = DrawdownAnalyzer.Episodes([-0.2, 0.1, 0.2], episodes);

        Assert.Equal(1, count);
        Assert.Equal(-1, episodes[0].PeakIndex);
        Assert.Equal(0, episodes[0].ValleyIndex);
        Assert.Equal(2, episodes[0].RecoveryIndex);
        Assert.Equal(3, episodes[0].Length);
    }
}
