using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Engine.Tests.Metrics;

public sealed class MetricsLimitsTests
{
    private static readonly IMetricsEngine Engine = MetricsEngine.Create(new MetricsLimits { MaxSeriesLength = 100, MaxBatchSize = 3, MaxConfidenceLevels = 2, MaxRollingMetrics = 1 });
    private static readonly double[] ThreeLevels = [0.9, 0.95, 0.99];

    [Fact]
    public void Compute_ReturnsLongerThanLimit_LimitExceeded()
    {
        var ex = Assert.Throws<LimitExceededException>(() => Engine.Compute(new MetricsRequest { Returns = new double[101] }));

        Assert.Equal(101, ex.Actual);
        Assert.Equal(100, ex.Maximum);
        Assert.Equal("returns length", ex.Limit);
    }

    [Fact]
    public void Compute_ReturnsAtLimit_Computes()
    {
        var result = Engine.Compute(new MetricsRequest { Returns = EngineTestData.Returns(1, 100) });

        Assert.Equal(100, result.Observations);
    }

    [Fact]
    public void Compute_LimitCheckedBeforeValidation_LimitWinsOverBadValues()
    {
        var returns = new double[101];
        returns[0] = double.PositiveInfinity;

        Assert.Throws<LimitExceededException>(() => Engine.Compute(new MetricsRequest { Returns = returns }));
    }

    [Fact]
    public void Compute_TooManyConfidenceLevels_LimitExceeded()
    {
        var ex = Assert.Throws<LimitExceededException>(() => Engine.Compute(new MetricsRequest { Returns = new double[5], ConfidenceLevels = ThreeLevels }));

        Assert.Equal("confidence_levels count", ex.Limit);
    }

    [Fact]
    public void ComputeBatch_MoreSeriesThanLimit_LimitExceeded()
    {
        var requests = Enumerable.Range(0, 4).Select(i => new MetricsRequest { Returns = EngineTestData.Returns(i, 10) }).ToArray();

        var ex = Assert.Throws<LimitExceededException>(() => Engine.ComputeBatch(requests));

        Assert.Equal("batch size", ex.Limit);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-5, 1)]
    public void Create_NonPositiveLimit_Throws(int maxSeries, int maxBatch)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricsEngine.Create(new MetricsLimits { MaxSeriesLength = maxSeries, MaxBatchSize = maxBatch }));
    }
}
