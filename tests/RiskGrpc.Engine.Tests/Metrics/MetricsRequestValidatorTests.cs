using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Engine.Tests.Metrics;

public sealed class MetricsRequestValidatorTests
{
    private static readonly IMetricsEngine Engine = MetricsEngine.Create();

    public static TheoryData<string, string, int> Cases() => new()
    {
        { "empty returns", "returns", -1 },
        { "+Infinity at 17", "returns", 17 },
        { "-Infinity under ZERO", "returns", 2 },
        { "first NaN under REJECT", "returns", 4 },
        { "benchmark length", "benchmark", -1 },
        { "benchmark Infinity under SKIP", "benchmark", 6 },
        { "periods_per_year negative", "periods_per_year", -1 },
        { "periods_per_year NaN", "periods_per_year", -1 },
        { "risk_free_rate -1", "risk_free_rate", -1 },
        { "risk_free_rate Infinity", "risk_free_rate", -1 },
        { "confidence 1", "confidence_levels", 1 },
        { "confidence NaN", "confidence_levels", 0 },
        { "timestamps length", "timestamps", -1 },
        { "timestamps decreasing", "timestamps", 9 },
        { "timestamps local", "timestamps", 0 },
        { "yearly without timestamps", "timestamps", -1 },
        { "rolling window 1", "rolling.window", -1 },
        { "rolling beta without benchmark", "rolling.metrics", 0 },
        { "rolling unknown metric", "rolling.metrics", 1 },
        { "unknown nan policy", "nan_policy", -1 },
        { "negative drawdown episodes", "drawdown_episodes", -1 },
        { "all NaN under SKIP", "returns", -1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_InvalidRequest_ThrowsNamingFieldAndIndex(string scenario, string field, int index)
    {
        var request = Build(scenario);

        var ex = Assert.Throws<MetricsValidationException>(() => Engine.Compute(request));

        Assert.Equal(field, ex.Field);
        Assert.Equal(index, ex.Index);
        Assert.Equal(index >= 0 ? $"{field}[{index}]" : field, ex.FieldPath);
        Assert.StartsWith(ex.FieldPath + ": ", ex.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(ex.Description));
    }

    [Fact]
    public void Compute_NaNBeforeInfinityUnderSkip_ReportsTheInfinity()
    {
        var returns = EngineTestData.Returns(1, 20);
        returns[3] = double.NaN;
        returns[11] = double.NegativeInfinity;

        var ex = Assert.Throws<MetricsValidationException>(() => Engine.Compute(new MetricsRequest { Returns = returns, NanPolicy = MetricsNanPolicy.Skip }));

        Assert.Equal(11, ex.Index);
        Assert.Contains("-Infinity", ex.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(63)]
    [InlineData(64)]
    public void Compute_NaNAtAnyVectorPosition_FoundAtThatIndex(int row)
    {
        // The finite scan works in vector blocks: the first bad row must be found in a block, its tail, or the last row.
        var returns = EngineTestData.Returns(2, 65);
        returns[row] = double.NaN;

        var ex = Assert.Throws<MetricsValidationException>(() => Engine.Compute(new MetricsRequest { Returns = returns }));

        Assert.Equal(row, ex.Index);
    }

    [Fact]
    public void Compute_PeriodsPerYearZero_MeansDaily()
    {
        var returns = EngineTestData.Returns(3, 100);

        var implicitDaily = Engine.Compute(new MetricsRequest { Returns = returns });
        var explicitDaily = Engine.Compute(new MetricsRequest { Returns = returns, PeriodsPerYear = 252 });

        Assert.Equal(explicitDaily.Metrics, implicitDaily.Metrics);
        Assert.Equal(0.95, Assert.Single(implicitDaily.TailRisk).Confidence);
    }

    private static MetricsRequest Build(string scenario)
    {
        var r = EngineTestData.Returns(42, 30);
        var b = EngineTestData.Returns(43, 30);
        var ts = EngineTestData.Daily(30);
        return scenario switch
        {
            "empty returns" => new MetricsRequest(),
            "+Infinity at 17" => new MetricsRequest { Returns = Set(r, 17, double.PositiveInfinity) },
            "-Infinity under ZERO" => new MetricsRequest { Returns = Set(r, 2, double.NegativeInfinity), NanPolicy = MetricsNanPolicy.Zero },
            "first NaN under REJECT" => new MetricsRequest { Returns = Set(Set(r, 4, double.NaN), 20, double.NaN) },
            "benchmark length" => new MetricsRequest { Returns = r, Benchmark = b.AsMemory(0, 29) },
            "benchmark Infinity under SKIP" => new MetricsRequest { Returns = r, Benchmark = Set(b, 6, double.PositiveInfinity), NanPolicy = MetricsNanPolicy.Skip },
            "periods_per_year negative" => new MetricsRequest { Returns = r, PeriodsPerYear = -1 },
            "periods_per_year NaN" => new MetricsRequest { Returns = r, PeriodsPerYear = double.NaN },
            "risk_free_rate -1" => new MetricsRequest { Returns = r, RiskFreeRate = -1 },
            "risk_free_rate Infinity" => new MetricsRequest { Returns = r, RiskFreeRate = double.PositiveInfinity },
            "confidence 1" => new MetricsRequest { Returns = r, ConfidenceLevels = new[] { 0.9, 1.0 } },
            "confidence NaN" => new MetricsRequest { Returns = r, ConfidenceLevels = new[] { double.NaN } },
            "timestamps length" => new MetricsRequest { Returns = r, Timestamps = ts.AsMemory(1) },
            "timestamps decreasing" => new MetricsRequest { Returns = r, Timestamps = SetTime(ts, 9, ts[0].AddDays(-1)) },
            "timestamps local" => new MetricsRequest { Returns = r, Timestamps = SetTime(ts, 0, new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Local)) },
            "yearly without timestamps" => new MetricsRequest { Returns = r, Series = MetricsSeriesKinds.Yearly },
            "rolling window 1" => new MetricsRequest { Returns = r, RollingWindow = 1, RollingMetrics = new[] { RollingMetricKind.Sharpe } },
            "rolling beta without benchmark" => new MetricsRequest { Returns = r, RollingWindow = 5, RollingMetrics = new[] { RollingMetricKind.Beta } },
            "rolling unknown metric" => new MetricsRequest { Returns = r, RollingWindow = 5, RollingMetrics = new[] { RollingMetricKind.Sharpe, (RollingMetricKind)99 } },
            "unknown nan policy" => new MetricsRequest { Returns = r, NanPolicy = (MetricsNanPolicy)9 },
            "negative drawdown episodes" => new MetricsRequest { Returns = r, DrawdownEpisodes = -1 },
            "all NaN under SKIP" => new MetricsRequest { Returns = new[] { double.NaN, double.NaN }, NanPolicy = MetricsNanPolicy.Skip },
            _ => throw new ArgumentException(scenario, nameof(scenario)),
        };
    }

    private static double[] Set(double[] values, int row, double value)
    {
        values[row] = value;
        return values;
    }

    private static DateTime[] SetTime(DateTime[] values, int row, DateTime value)
    {
        values[row] = value;
        return values;
    }
}
