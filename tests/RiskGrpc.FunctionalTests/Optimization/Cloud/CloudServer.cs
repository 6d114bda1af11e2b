using RiskGrpc.Contracts.V1;
using RiskGrpc.FakePortfolioOptimizer;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Optimization.Cloud;

/// <summary>The real server with <c>RiskGrpc:Cloud</c> pointed at a fake Portfolio Optimizer on 127.0.0.1 (both on port 0).</summary>
internal sealed class CloudServer : IAsyncDisposable
{
    private CloudServer(FakePortfolioOptimizerServer fake, RiskGrpcTestServer server)
    {
        Fake = fake;
        Server = server;
        Client = new OptimizerService.OptimizerServiceClient(server.Channel);
    }

    public FakePortfolioOptimizerServer Fake { get; }

    public RiskGrpcTestServer Server { get; }

    public OptimizerService.OptimizerServiceClient Client { get; }

    /// <summary>Test timings: short retries, a generous client-side limiter; <paramref name="overrides"/> win.</summary>
    public static async Task<CloudServer> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var fake = await FakePortfolioOptimizerServer.StartAsync().DefaultTimeout();
        var settings = new Dictionary<string, string?>
        {
            ["RiskGrpc:Cloud:Enabled"] = "true",
            ["RiskGrpc:Cloud:BaseUrl"] = fake.BaseAddress.ToString(),
            ["RiskGrpc:Cloud:DefaultRouting"] = "Auto",
            ["RiskGrpc:Cloud:TotalTimeout"] = "00:00:02",
            ["RiskGrpc:Cloud:AttemptTimeout"] = "00:00:01",
            ["RiskGrpc:Cloud:RetryBaseDelay"] = "00:00:00.010",
            ["RiskGrpc:Cloud:RateLimitedRetryDelay"] = "00:00:00.020",
            ["RiskGrpc:Cloud:MaxRateLimitWait"] = "00:00:00.500",
            ["RiskGrpc:Cloud:RequestsPerSecond"] = "100000",
            ["RiskGrpc:Cloud:MaxConcurrentRequests"] = "64",
            ["RiskGrpc:Cloud:RateLimiterQueueLimit"] = "1000",
            ["RiskGrpc:Cloud:CircuitMinimumThroughput"] = "1000",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var server = await RiskGrpcTestServer.StartAsync(settings, configureServices: configureServices).DefaultTimeout();
        return new CloudServer(fake, server);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
