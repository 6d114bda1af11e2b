using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FakePortfolioOptimizer;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Optimization.Cloud;

/// <summary>Routing through the real server: gRPC and REST, with and without a cloud, statuses of cloud-only failures.</summary>
public sealed class CloudRoutingTests
{
    [Fact]
    public async Task Optimize_NoCloudConfigured_DefaultIsLocalAndCloudOnlyIsFailedPrecondition()
    {
        await using var server = await RiskGrpcTestServer.StartAsync().DefaultTimeout();
        using var scope = new VerifyNoErrorsScope(server.Logs);
        var client = new OptimizerService.OptimizerServiceClient(server.Channel);

        var unspecified = await client.OptimizeAsync(DocumentedOptimizeRequests.MaxSharpe(routing: OptimizationRouting.Unspecified)).ResponseAsync.DefaultTimeout();
        var auto = await client.OptimizeAsync(DocumentedOptimizeRequests.MaxSharpe(routing: OptimizationRouting.Auto)).ResponseAsync.DefaultTimeout();
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.OptimizeAsync(DocumentedOptimizeRequests.MaxSharpe(routing: OptimizationRouting.Cloud)).ResponseAsync).DefaultTimeout();

        Assert.Equal((OptimizationVenue.Local, string.Empty, 0), (unspecified.Diagnostics.ServedBy, unspecified.Diagnostics.FallbackReason, unspecified.Diagnostics.CloudAttempts));
        Assert.Equal((OptimizationVenue.Local, "cloud_not_configured"), (auto.Diagnostics.ServedBy, auto.Diagnostics.FallbackReason));
        Assert.Equal(3.0 / 11, unspecified.Portfolio.Weights[0].Weight, 1e-9);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("cloud_not_configured", ex.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        // Nothing that could reach the network exists without RiskGrpc:Cloud:Enabled.
        Assert.Null(server.Services.GetService<RiskGrpc.Cloud.PortfolioOptimizerClient>());
    }

    [Fact]
    public async Task Optimize_AutoWithHealthyCloud_ServedByCloudWithLocallyComputedFigures()
    {
        await using var cloud = await CloudServer.StartAsync();
        using var scope = new VerifyNoErrorsScope(cloud.Server.Logs);

        var response = await cloud.Client.OptimizeAsync(DocumentedOptimizeRequests.MaxSharpe()).ResponseAsync.DefaultTimeout();

        Assert.Equal((OptimizationVenue.Cloud, string.Empty, 1), (response.Diagnostics.ServedBy, response.Diagnostics.FallbackReason, response.Diagnostics.CloudAttempts));
        Assert.Equal("portfolio-optimizer", response.Diagnostics.Engine);
        Assert.Equal([0.2727, 0.7273], response.Portfolio.Weights.Select(w => w.Weight));
        Assert.Equal(response.Portfolio.Volatility, response.Portfolio.Weights.Sum(w => w.RiskContribution), 1e-12);
        Assert.Equal((0.2727 * 0.05) + (0.7273 * 0.10), response.Portfolio.ExpectedReturn, 1e-12);
    }

    [Fact]
    public async Task OptimizeRest_AutoRouting_ReportsVenueInJson()
    {
        await using var cloud = await CloudServer.StartAsync();
        var body = """
            {"input":{"moments":{"assets":["A","B"],"covariance":[0.04,0.01,0.01,0.01]}},
             "method":"OPTIMIZATION_METHOD_MAX_DIVERSIFICATION","routing":"OPTIMIZATION_ROUTING_AUTO"}
            """;

        using var response = await cloud.Server.HttpClient.PostAsync("/v1/optimizer:optimize", new StringContent(body, System.Text.Encoding.UTF8, "application/json")).DefaultTimeout();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>().DefaultTimeout();

        Assert.True(response.IsSuccessStatusCode, json.ToString());
        Assert.Equal("OPTIMIZATION_VENUE_CLOUD", json.GetProperty("diagnostics").GetProperty("servedBy").GetString());
        Assert.Equal(1.0 / 3, json.GetProperty("portfolio").GetProperty("weights")[0].GetProperty("weight").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData(FakeFaultKind.NotFound, StatusCode.Unavailable, "cloud_not_found")]
    [InlineData(FakeFaultKind.BadGateway, StatusCode.Unavailable, "cloud_5xx")]
    [InlineData(FakeFaultKind.WrongLength, StatusCode.Unavailable, "cloud_invalid_answer")]
    [InlineData(FakeFaultKind.RateLimitedBare, StatusCode.ResourceExhausted, "cloud_rate_limited")]
    public async Task Optimize_CloudOnlyFault_StatusWithReason(FakeFaultKind fault, StatusCode code, string reason)
    {
        await using var cloud = await CloudServer.StartAsync();
        cloud.Fake.Faults = _ => FakeFault.Of(fault);

        var ex = await Assert.ThrowsAsync<RpcException>(() => cloud.Client.OptimizeAsync(DocumentedOptimizeRequests.MaxSharpe(routing: OptimizationRouting.Cloud)).ResponseAsync).DefaultTimeout();

        Assert.Equal(code, ex.StatusCode);
        var info = ex.GetRpcStatus()!.GetDetail<ErrorInfo>()!;
        Assert.Equal(reason, info.Reason);
        Assert.Equal("cloud.riskgrpc", info.Domain);
    }

    [Fact]
    public async Task Optimize_CloudOnlyMarketNeutral_FailedPreconditionBeforeAnyHttpCall()
    {
        await using var cloud = await CloudServer.StartAsync();
        var request = DocumentedOptimizeRequests.MaxSharpe(routing: OptimizationRouting.Cloud);
        request.Constraints = new OptimizerConstraints { MarketNeutral = true, MinWeight = -1 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => cloud.Client.OptimizeAsync(request).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal("not_supported_by_cloud", ex.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.Contains("market-neutral", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Empty(cloud.Fake.Received);
    }

    [Fact]
    public async Task Optimize_UnknownRouting_InvalidArgumentNamingRouting()
    {
        await using var cloud = await CloudServer.StartAsync();
        var request = DocumentedOptimizeRequests.MaxSharpe(routing: (OptimizationRouting)99);

        var ex = await Assert.ThrowsAsync<RpcException>(() => cloud.Client.OptimizeAsync(request).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("routing", Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Optimize_HangingCloudAndShortDeadline_AnsweredLocallyWithinTheDeadline()
    {
        await using var cloud = await CloudServer.StartAsync(new Dictionary<string, string?> { ["RiskGrpc:Cloud:LocalReserve"] = "00:00:00.700" });
        cloud.Fake.Faults = _ => FakeFault.Of(FakeFaultKind.Hang);
        var clock = Stopwatch.StartNew();

        var response = await cloud.Client.OptimizeAsync(DocumentedOptimizeRequests.MostDiversified(), deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddMilliseconds(1500)).ResponseAsync.DefaultTimeout();

        Assert.Equal(OptimizationVenue.Local, response.Diagnostics.ServedBy);
        Assert.Equal("cloud_timeout", response.Diagnostics.FallbackReason);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(1500), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Optimize_InvalidInputAnyRouting_InvalidArgumentNotAFallback()
    {
        await using var cloud = await CloudServer.StartAsync();
        var request = DocumentedOptimizeRequests.MaxSharpe();
        request.Input.Moments.Covariance.Add(1);

        var ex = await Assert.ThrowsAsync<RpcException>(() => cloud.Client.OptimizeAsync(request).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Empty(cloud.Fake.Received);
    }
}
