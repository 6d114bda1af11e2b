using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;
using RiskGrpc.Security;
using RiskGrpc.Server.Security;

namespace RiskGrpc.FunctionalTests.Production;

public sealed class AccessControlTests
{
    private const string MetricsKey = "riskgrpc-test-key-metrics-7f3a9c1e55d2";
    private const string LiveKey = "riskgrpc-test-key-live-read-0b8e41d2c9aa";

    private static Task<RiskGrpcTestServer> StartWithKeys(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RiskGrpc:Auth:Enabled"] = "true",
            ["RiskGrpc:Auth:Keys:0:Name"] = "analytics",
            ["RiskGrpc:Auth:Keys:0:Hash"] = ApiKeyHash.Create(MetricsKey),
            ["RiskGrpc:Auth:Keys:0:Scopes:0"] = "metrics",
            ["RiskGrpc:Auth:Keys:1:Name"] = "dashboard",
            ["RiskGrpc:Auth:Keys:1:Hash"] = ApiKeyHash.Create(LiveKey),
            ["RiskGrpc:Auth:Keys:1:Scopes:0"] = "live:read",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        return RiskGrpcTestServer.StartAsync(settings);
    }

    private static ComputeMetricsRequest Request() => new() { Returns = { TestSeries.Returns(seed: 1, n: 60) } };

    [Fact]
    public async Task KeysAndScopesGateEveryRpcWhileHealthStaysOpen()
    {
        await using var server = await StartWithKeys();
        var ct = TestContext.Current.CancellationToken;
        var metrics = new MetricsService.MetricsServiceClient(server.Channel);

        var none = await Assert.ThrowsAsync<RpcException>(async () => await metrics.ComputeMetricsAsync(Request(), cancellationToken: ct));
        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        var wrong = await Assert.ThrowsAsync<RpcException>(async () => await metrics.ComputeMetricsAsync(Request(), new Metadata { { "x-api-key", "riskgrpc-not-a-key-at-all-000000" } }, cancellationToken: ct));
        Assert.Equal(StatusCode.Unauthenticated, wrong.StatusCode);

        var ok = await metrics.ComputeMetricsAsync(Request(), new Metadata { { "x-api-key", MetricsKey } }, cancellationToken: ct);
        Assert.True(double.IsFinite(ok.Metrics.Sharpe));
        await metrics.ComputeMetricsAsync(Request(), new Metadata { { "authorization", "Bearer " + MetricsKey } }, cancellationToken: ct);

        var optimizer = new OptimizerService.OptimizerServiceClient(server.Channel);
        var denied = await Assert.ThrowsAsync<RpcException>(async () => await optimizer.OptimizeAsync(new OptimizeRequest(), new Metadata { { "x-api-key", MetricsKey } }, cancellationToken: ct));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Contains("optimize", denied.Status.Detail, StringComparison.Ordinal);

        // Watch needs live:read, Connect live:write: the dashboard key may watch but not write.
        var live = new LiveRiskService.LiveRiskServiceClient(server.Channel);
        using (var connect = live.Connect(new Metadata { { "x-api-key", LiveKey } }, cancellationToken: ct))
        {
            var refused = await Assert.ThrowsAsync<RpcException>(async () => await connect.ResponseStream.MoveNext(ct));
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }

        var health = new Health.HealthClient(server.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct)).Status);

        Assert.DoesNotContain(server.Logs.Records, r => r.ToString().Contains(MetricsKey, StringComparison.Ordinal) || r.ToString().Contains(LiveKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestRoutesFollowTheSameRules()
    {
        await using var server = await StartWithKeys();
        var ct = TestContext.Current.CancellationToken;
        var body = "{\"returns\":[0.01,-0.02,0.005,0.01]}";

        using var anonymous = new HttpRequestMessage(HttpMethod.Post, "/v1/metrics:compute") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using (var response = await server.HttpClient.SendAsync(anonymous, ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var keyed = new HttpRequestMessage(HttpMethod.Post, "/v1/metrics:compute") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        keyed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MetricsKey);
        using (var response = await server.HttpClient.SendAsync(keyed, ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var scrape = await server.HttpClient.GetAsync(new Uri("/metrics", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        }
    }

    [Fact]
    public async Task NonLoopbackBindWithoutKeysRefusesToStart()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => RiskGrpcTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://0.0.0.0:0",
        }));
        Assert.Contains("RiskGrpc:Auth", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5051", false)]
    [InlineData("http://localhost:5051", false)]
    [InlineData("http://[::1]:5051", false)]
    [InlineData("http://0.0.0.0:5051", true)]
    [InlineData("http://*:5051", true)]
    [InlineData("https://[::]:443", true)]
    [InlineData("http://10.1.2.3:5051", true)]
    public void AuthDefaultsOnExactlyForNonLoopbackBinds(string url, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:5050",
            ["Kestrel:Endpoints:Grpc:Url"] = url,
        }).Build();
        Assert.Equal(expected, SecurityRegistration.BindsBeyondLoopback(configuration));
    }

    [Fact]
    public void HashesAreSaltedAndCheckedExactly()
    {
        var a = ApiKeyHash.Create(MetricsKey);
        var b = ApiKeyHash.Create(MetricsKey);
        Assert.NotEqual(a, b);
        Assert.True(ApiKeyHash.TryParse(a, out var parsed));
        Assert.True(parsed!.Matches(MetricsKey));
        Assert.False(parsed.Matches(MetricsKey + "x"));
        Assert.False(parsed.Matches(MetricsKey.AsSpan(0, MetricsKey.Length - 1)));
        Assert.False(ApiKeyHash.TryParse("md5:abc:def", out _));
        Assert.DoesNotContain(MetricsKey, a, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryCallsOverTheRateLimitAreResourceExhaustedWithPushback()
    {
        await using var server = await RiskGrpcTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["RiskGrpc:RateLimits:Unary:TokensPerSecond"] = "1",
            ["RiskGrpc:RateLimits:Unary:Burst"] = "3",
        });
        var ct = TestContext.Current.CancellationToken;
        var metrics = new MetricsService.MetricsServiceClient(server.Channel);
        RpcException? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            try
            {
                await metrics.ComputeMetricsAsync(Request(), cancellationToken: ct);
            }
            catch (RpcException ex)
            {
                refused = ex;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.NotNull(refused.Trailers.GetValue("grpc-retry-pushback-ms"));
        var retry = refused.GetRpcStatus()!.GetDetail<RetryInfo>();
        Assert.NotNull(retry);
        Assert.True(retry.RetryDelay.ToTimeSpan() > TimeSpan.Zero);

        // Health is never limited.
        var health = new Health.HealthClient(server.Channel);
        await health.CheckAsync(new HealthCheckRequest(), cancellationToken: ct);
    }

    [Fact]
    public async Task StreamsBeyondTheConcurrencyCapAreRefused()
    {
        await using var server = await RiskGrpcTestServer.StartAsync(new Dictionary<string, string?> { ["RiskGrpc:RateLimits:Streams:MaxConcurrent"] = "1" });
        var ct = TestContext.Current.CancellationToken;
        var live = new LiveRiskService.LiveRiskServiceClient(server.Channel);
        using var first = live.Watch(new WatchRequest { PortfolioIds = { "p1" } }, cancellationToken: ct);
        await Task.Delay(200, ct);
        using var second = live.Watch(new WatchRequest { PortfolioIds = { "p2" } }, cancellationToken: ct);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await second.ResponseStream.MoveNext(ct));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
    }

    [Fact]
    public async Task LivePortfoliosBeyondTheClientsQuotaAreRefused()
    {
        await using var server = await RiskGrpcTestServer.StartAsync(new Dictionary<string, string?> { ["RiskGrpc:RateLimits:Live:MaxPortfolios"] = "2" });
        var ct = TestContext.Current.CancellationToken;
        var live = new LiveRiskService.LiveRiskServiceClient(server.Channel);
        using var call = live.Connect(cancellationToken: ct);
        var sequence = new Dictionary<string, ulong>();
        foreach (var id in new[] { "q1", "q2", "q1", "q3" })
        {
            sequence[id] = sequence.GetValueOrDefault(id) + 1;
            await call.RequestStream.WriteAsync(new ConnectRequest { PortfolioId = id, Sequence = sequence[id], ReturnObservation = new ReturnObservation { Value = 0.01 } }, ct);
        }

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(ct))
            {
            }
        });
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("'q3'", refused.Status.Detail, StringComparison.Ordinal);
    }
}
