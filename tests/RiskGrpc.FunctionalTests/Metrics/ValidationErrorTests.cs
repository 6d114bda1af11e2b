using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Metrics;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class ValidationErrorTests(RiskGrpcServerFixture fixture)
{
    private readonly MetricsService.MetricsServiceClient _client = new(fixture.Channel);

    [Theory]
    [MemberData(nameof(InvalidRequests.Cases), MemberType = typeof(InvalidRequests))]
    public async Task ComputeMetrics_InvalidRequest_InvalidArgumentNamingFieldAndIndex(string scenario, string expectedField)
    {
        using var scope = fixture.VerifyNoErrors();
        var request = InvalidRequests.Build(scenario);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.ComputeMetricsAsync(request).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        var violation = Assert.Single(badRequest.FieldViolations);
        Assert.Equal(expectedField, violation.Field);
        Assert.False(string.IsNullOrWhiteSpace(violation.Description));
        Assert.StartsWith(expectedField + ": ", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComputeMetrics_SeriesAboveLimit_ResourceExhausted()
    {
        using var scope = fixture.VerifyNoErrors();
        var request = new ComputeMetricsRequest();
        request.Returns.AddRange(new double[RiskGrpcServerFixture.MaxSeriesLength + 1]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.ComputeMetricsAsync(request).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("returns length", ex.Status.Detail, StringComparison.Ordinal);
        Assert.NotNull(ex.GetRpcStatus()?.GetDetail<QuotaFailure>());
    }

    [Fact]
    public async Task ComputeMetrics_MessageAboveMaxReceiveSize_ResourceExhausted()
    {
        using var scope = fixture.VerifyNoErrors();
        var request = new ComputeMetricsRequest();
        request.Benchmark.AddRange(new double[(RiskGrpcServerFixture.MaxReceiveMessageSize / 8) + 1000]);

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.ComputeMetricsAsync(request).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("message", ex.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ComputeMetrics_AfterManyBadRequests_ServerStillAnswers()
    {
        using var scope = fixture.VerifyNoErrors();
        foreach (var row in InvalidRequests.Cases())
        {
            var request = InvalidRequests.Build(row.Data.Item1);
            await Assert.ThrowsAsync<RpcException>(() => _client.ComputeMetricsAsync(request).ResponseAsync).DefaultTimeout();
        }

        var response = await _client.ComputeMetricsAsync(TestSeries.Request(seed: 9, n: 100)).ResponseAsync.DefaultTimeout();

        Assert.Equal(100u, response.Observations);
        var health = new Grpc.Health.V1.Health.HealthClient(fixture.Channel);
        var check = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest()).ResponseAsync.DefaultTimeout();
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, check.Status);
    }
}
