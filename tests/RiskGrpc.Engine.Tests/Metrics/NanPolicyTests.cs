using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Engine.Tests.Metrics;

public sealed class NanPolicyTests
{
    private static readonly IMetricsEngine Engine = MetricsEngine.Create();
    private static readonly double[] TwoLevels = [0.9, 0.99];

    [Fact]
    public void Skip_NaNInReturns_ReturnsOnlyMetricsEqualSeriesWithoutThoseRows()
    {
        var r = EngineTestData.Returns(1, 300);
        var clean = EngineTestData.Without(r, 0, 100, 299);
        r[0] = r[100] = r[299] = double.NaN;

        var skipped = Engine.Compute(new MetricsRequest { Returns = r, NanPolicy = MetricsNanPolicy.Skip, ConfidenceLevels = TwoLevels });
        var expected = Engine.Compute(new MetricsRequest { Returns = clean, ConfidenceLevels = TwoLevels });

        Assert.Equal(297, skipped.Observations);
        Assert.Equal(expected.Metrics, skipped.Metrics);
        Assert.Equal(expected.TailRisk, skipped.TailRisk);
    }

    [Fact]
    public void Skip_NaNOnEitherSide_RelativeUsesRowsWhereBothArePresent_ReturnsOnlyUsesReturnRows()
    {
        var r = EngineTestData.Returns(2, 200);
        var b = EngineTestData.Returns(3, 200);
        r[10] = double.NaN;
        b[20] = double.NaN;
        b[30] = double.NaN;

        var result = Engine.Compute(new MetricsRequest { Returns = r, Benchmark = b, NanPolicy = MetricsNanPolicy.Skip });

        var pairsR = EngineTestData.Without(r, 10, 20, 30);
        var pairsB = EngineTestData.Without(b, 10, 20, 30);
        var relative = Engine.Compute(new MetricsRequest { Returns = pairsR, Benchmark = pairsB }).Relative;
        var returnsOnly = Engine.Compute(new MetricsRequest { Returns = EngineTestData.Without(r, 10) }).Metrics;
        Assert.Equal(199, result.Observations);
        Assert.Equal(197, result.RelativeObservations);
        Assert.Equal(relative, result.Relative);
        Assert.Equal(returnsOnly, result.Metrics);
    }

    [Fact]
    public void Skip_EpisodesAndTimes_PointAtTheCallersRows()
    {
        // Rows 0..9 rise, 10 is missing, 11..14 fall, 15.. recover strongly.
        double[] r = [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, double.NaN, -0.05, -0.05, -0.05, -0.05, 0.3, 0.01];
        var ts = EngineTestData.Daily(r.Length);

        var result = Engine.Compute(new MetricsRequest { Returns = r, Timestamps = ts, NanPolicy = MetricsNanPolicy.Skip, DrawdownEpisodes = 5 });

        var episode = Assert.Single(result.Drawdowns);
        Assert.Equal(9, episode.PeakIndex);
        Assert.Equal(14, episode.ValleyIndex);
        Assert.Equal(15, episode.RecoveryIndex);
        Assert.Equal(ts[14], episode.ValleyTime);
        Assert.Equal(ts[9], episode.PeakTime);
        Assert.Equal(DateTimeKind.Utc, episode.ValleyTime!.Value.Kind);
    }

    [Fact]
    public void Skip_MonthlyTable_UsesTimestampsOfKeptRows()
    {
        var r = EngineTestData.Returns(4, 60);
        var ts = EngineTestData.Daily(60);
        r[5] = double.NaN;

        var skipped = Engine.Compute(new MetricsRequest { Returns = r, Timestamps = ts, NanPolicy = MetricsNanPolicy.Skip, Series = MetricsSeriesKinds.Monthly });
        var expected = Engine.Compute(new MetricsRequest
        {
            Returns = EngineTestData.Without(r, 5),
            Timestamps = ts.Where((_, i) => i != 5).ToArray(),
            Series = MetricsSeriesKinds.Monthly,
        });

        Assert.Equal(expected.Monthly, skipped.Monthly);
    }

    [Fact]
    public void Zero_NaN_EqualsZeroReturnOnBothSides()
    {
        var r = EngineTestData.Returns(5, 120);
        var b = EngineTestData.Returns(6, 120);
        var r0 = (double[])r.Clone();
        var b0 = (double[])b.Clone();
        r[7] = double.NaN;
        r0[7] = 0;
        b[8] = double.NaN;
        b0[8] = 0;

        var zeroed = Engine.Compute(new MetricsRequest { Returns = r, Benchmark = b, NanPolicy = MetricsNanPolicy.Zero, Series = MetricsSeriesKinds.Cumulative });
        var expected = Engine.Compute(new MetricsRequest { Returns = r0, Benchmark = b0, Series = MetricsSeriesKinds.Cumulative });

        Assert.Equal(120, zeroed.Observations);
        Assert.Equal(120, zeroed.RelativeObservations);
        Assert.Equal(expected.Metrics, zeroed.Metrics);
        Assert.Equal(expected.Relative, zeroed.Relative);
        Assert.Equal(expected.Cumulative, zeroed.Cumulative);
    }

    [Fact]
    public void Skip_CallerBuffers_NotModified()
    {
        var r = EngineTestData.Returns(7, 50);
        r[3] = double.NaN;
        var copy = (double[])r.Clone();

        Engine.Compute(new MetricsRequest { Returns = r, NanPolicy = MetricsNanPolicy.Zero });
        Engine.Compute(new MetricsRequest { Returns = r, NanPolicy = MetricsNanPolicy.Skip });

        Assert.Equal(copy, r);
    }
}
