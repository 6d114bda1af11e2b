using Google.Protobuf.WellKnownTypes;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.FunctionalTests.Infrastructure;
using Kernel = RiskGrpc.Kernel;

namespace RiskGrpc.FunctionalTests.Metrics;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class ComputeMetricsTests(RiskGrpcServerFixture fixture)
{
    private readonly MetricsService.MetricsServiceClient _client = new(fixture.Channel);

    [Fact]
    public async Task ComputeMetrics_SeriesWithBenchmark_EqualsKernelOnEveryField()
    {
        using var scope = fixture.VerifyNoErrors();
        var request = TestSeries.Request(seed: 1, n: 2520);

        var response = await _client.ComputeMetricsAsync(request).ResponseAsync.DefaultTimeout();

        var returns = request.Returns.ToArray();
        var benchmark = request.Benchmark.ToArray();
        var parameters = new Kernel.MetricParameters(252, 0.02);
        var (metrics, tail) = KernelOracle.Returns(returns, parameters, [0.95, 0.99]);
        KernelOracle.AssertEqual(MetricCatalogue.Returns, metrics, response.Metrics);
        KernelOracle.AssertEqual(MetricCatalogue.Relative, KernelOracle.Relative(returns, benchmark, parameters), response.Relative);
        Assert.Equal(2, response.TailRisk.Count);
        for (var i = 0; i < tail.Length; i++)
        {
            Assert.Equal(tail[i].Confidence, response.TailRisk[i].Confidence);
            KernelOracle.AssertEqual(MetricCatalogue.TailRisk, tail[i], response.TailRisk[i]);
        }

        Assert.Equal(2520u, response.Observations);
        Assert.True(double.IsFinite(response.Metrics.Sharpe));
    }

    [Fact]
    public async Task ComputeMetrics_DefaultsOnly_Uses252AndConfidence95()
    {
        var request = new ComputeMetricsRequest();
        request.Returns.AddRange(TestSeries.Returns(seed: 2, n: 300));

        var response = await _client.ComputeMetricsAsync(request).ResponseAsync.DefaultTimeout();

        var (metrics, tail) = KernelOracle.Returns(request.Returns.ToArray(), new Kernel.MetricParameters(252, 0), [0.95]);
        KernelOracle.AssertEqual(MetricCatalogue.Returns, metrics, response.Metrics);
        Assert.Null(response.Relative);
        var only = Assert.Single(response.TailRisk);
        Assert.Equal(0.95, only.Confidence);
        Assert.Equal(tail[0].VarHistorical, only.VarHistorical);
    }

    [Fact]
    public async Task ComputeMetrics_SeriesRequested_ReturnsSeriesEpisodesRollingAndCalendar()
    {
        var n = 400;
        var request = TestSeries.Request(seed: 3, n);
        request.Timestamps.AddRange(TestSeries.Timestamps(n));
        request.DrawdownEpisodes = 3;
        request.Series.AddRange([SeriesKind.Cumulative, SeriesKind.Underwater, SeriesKind.Monthly, SeriesKind.Yearly]);
        request.Rolling = new RollingOptions { Window = 63, Metrics = { RollingMetric.Sharpe, RollingMetric.Beta, RollingMetric.MaxDrawdown } };

        var response = await _client.ComputeMetricsAsync(request).ResponseAsync.DefaultTimeout();

        var returns = request.Returns.ToArray();
        var cumulative = new double[n];
        Kernel.DrawdownAnalyzer.Cumulative(returns, cumulative);
        Assert.Equal(cumulative, response.Cumulative);
        var underwater = new double[n];
        Kernel.DrawdownAnalyzer.Underwater(returns, underwater);
        Assert.Equal(underwater, response.Underwater);

        var episodes = new Kernel.DrawdownEpisode[3];
        var written = Kernel.DrawdownAnalyzer.Episodes(returns, episodes);
        Assert.Equal(written, response.Drawdowns.Count);
        for (var i = 0; i < written; i++)
        {
            Assert.Equal(episodes[i].ValleyIndex, response.Drawdowns[i].ValleyIndex);
            Assert.Equal(episodes[i].Depth, response.Drawdowns[i].Depth);
            Assert.Equal(request.Timestamps[episodes[i].ValleyIndex], response.Drawdowns[i].ValleyTime);
        }

        Assert.Equal([RollingMetric.Sharpe, RollingMetric.Beta, RollingMetric.MaxDrawdown], response.Rolling.Select(r => r.Metric));
        var rollingSharpe = new double[Kernel.RollingMetricKernel.OutputLength(n, 63)];
        Kernel.RollingMetricKernel.Sharpe(returns, 63, new Kernel.MetricParameters(252, 0.02), rollingSharpe);
        Assert.Equal(rollingSharpe, response.Rolling[0].Values);
        Assert.Equal(63u, response.Rolling[1].Window);

        // 400 calendar days from 2024-01-02 reach 2025-02-05: 14 months over 2 years.
        Assert.Equal(14, response.MonthlyReturns.Count);
        Assert.Equal([2024, 2025], response.YearlyReturns.Select(y => y.Year));
        Assert.Equal(response.Metrics.TotalReturn, response.YearlyReturns.Aggregate(1.0, (w, y) => w * (1 + y.Value)) - 1, 1e-12);
    }

    [Fact]
    public async Task ComputeMetrics_NanPolicySkip_EqualsSeriesWithoutTheMissingRows()
    {
        var skipped = TestSeries.Request(seed: 4, n: 200, withBenchmark: false);
        skipped.NanPolicy = NanPolicy.Skip;
        skipped.Returns[10] = double.NaN;
        skipped.Returns[150] = double.NaN;
        var clean = TestSeries.Request(seed: 4, n: 200, withBenchmark: false);
        var kept = clean.Returns.Where((_, i) => i is not 10 and not 150).ToArray();
        clean.Returns.Clear();
        clean.Returns.AddRange(kept);

        var fromSkip = await _client.ComputeMetricsAsync(skipped).ResponseAsync.DefaultTimeout();
        var fromClean = await _client.ComputeMetricsAsync(clean).ResponseAsync.DefaultTimeout();

        Assert.Equal(198u, fromSkip.Observations);
        Assert.Equal(fromClean.Metrics, fromSkip.Metrics);
    }

    [Fact]
    public void Catalogue_NamesEqualProtoFieldNames_InFieldOrder()
    {
        Assert.Equal(MetricSet.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name), MetricCatalogue.Returns.Select(f => f.Name));
        Assert.Equal(RelativeMetrics.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name), MetricCatalogue.Relative.Select(f => f.Name));
        Assert.Equal(
            TailRisk.Descriptor.Fields.InFieldNumberOrder().Select(f => f.Name).Where(n => n != "confidence"),
            MetricCatalogue.TailRisk.Select(f => f.Name));
    }

    [Fact]
    public async Task StreamTimestamp_UsesServerClock_WithinCallWindow()
    {
        var before = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        using var call = _client.StreamMetrics();
        await call.RequestStream.WriteAsync(new StreamMetricsRequest { RequestId = "t", Request = TestSeries.Request(5, 50) }).DefaultTimeout();
        await call.RequestStream.CompleteAsync().DefaultTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        var completed = call.ResponseStream.Current.CompletedAt.ToDateTimeOffset();

        Assert.InRange(completed, before, TimeProvider.System.GetUtcNow());
        Assert.NotEqual(new Timestamp(), call.ResponseStream.Current.CompletedAt);
    }
}
