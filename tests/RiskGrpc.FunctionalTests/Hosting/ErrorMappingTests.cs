using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Hosting;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task ComputeMetrics_EngineThrowsUnexpectedly_InternalWithoutDetailsAndErrorLogged()
    {
        await using var server = await RiskGrpcTestServer.StartAsync(configureServices: s => s.AddSingleton<IMetricsEngine>(new ThrowingEngine())).DefaultTimeout();
        using var scope = new VerifyNoErrorsScope(server.Logs, r => r.EventId.Id == 100);
        var client = new MetricsService.MetricsServiceClient(server.Channel);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ComputeMetricsAsync(TestSeries.Request(1, 10)).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.DoesNotContain("secret", ex.Status.Detail, StringComparison.Ordinal);
        var logged = Assert.Single(server.Logs.Records, r => r.EventId.Id == 100);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Fact]
    public async Task ComputeMetricsBatch_EngineThrowsUnexpectedly_EachItemInternalAndLogged()
    {
        await using var server = await RiskGrpcTestServer.StartAsync(configureServices: s => s.AddSingleton<IMetricsEngine>(new ThrowingEngine())).DefaultTimeout();
        using var scope = new VerifyNoErrorsScope(server.Logs, r => r.EventId.Id == 200);
        var client = new MetricsService.MetricsServiceClient(server.Channel);

        var response = await client.ComputeMetricsBatchAsync(new ComputeMetricsBatchRequest { Requests = { TestSeries.Request(1, 10), TestSeries.Request(2, 10) } }).ResponseAsync.DefaultTimeout();

        Assert.Equal(2u, response.Failed);
        Assert.All(response.Results, r => Assert.Equal((int)StatusCode.Internal, r.Error.Code));
        Assert.Equal(2, server.Logs.Records.Count(r => r.EventId.Id == 200));
    }

    private sealed class ThrowingEngine : IMetricsEngine
    {
        public MetricsLimits Limits { get; } = new();

        public MetricsResult Compute(MetricsRequest request) => throw new InvalidOperationException("secret internals");

        public MetricsBatchItem[] ComputeBatch(IReadOnlyList<MetricsRequest> requests) => throw new InvalidOperationException("secret internals");
    }
}
