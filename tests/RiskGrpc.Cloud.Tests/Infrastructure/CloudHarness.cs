using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RiskGrpc.FakePortfolioOptimizer;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Cloud.Tests.Infrastructure;

/// <summary>A fake Portfolio Optimizer plus a DI container holding the hybrid optimizer pointed at it, with short test timings.</summary>
internal sealed class CloudHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, long> _counts = [];
    private readonly Lock _gate = new();

    private CloudHarness(FakePortfolioOptimizerServer fake, CloudOptimizerOptions options)
    {
        Fake = fake;
        Options = options;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddHybridPortfolioOptimizer(options);
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var name = instrument.Name + string.Concat(tags.ToArray().Select(t => $"|{t.Key}={t.Value}"));
            lock (_gate)
            {
                _counts[name] = _counts.GetValueOrDefault(name) + value;
            }
        });
        _listener.Start();
    }

    public FakePortfolioOptimizerServer Fake { get; }

    public CloudOptimizerOptions Options { get; }

    public HybridPortfolioOptimizer Hybrid => _services.GetRequiredService<HybridPortfolioOptimizer>();

    /// <summary>Options a test starts from: fast timings, a generous rate limit, no cache, a circuit that opens only when a test asks.</summary>
    public static CloudOptimizerOptions TestOptions(Uri baseUrl) => new()
    {
        Enabled = true,
        BaseUrl = baseUrl,
        DefaultRouting = CloudRouting.Auto,
        TotalTimeout = TimeSpan.FromSeconds(3),
        AttemptTimeout = TimeSpan.FromSeconds(1.5),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RateLimitedRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRateLimitWait = TimeSpan.FromSeconds(1.2),
        RequestsPerSecond = 1000,
        MaxConcurrentRequests = 16,
        RateLimiterQueueLimit = 64,
        CircuitMinimumThroughput = 1000,
        CacheCapacity = 0,
    };

    public static async Task<CloudHarness> StartAsync(Action<CloudOptimizerOptions>? configure = null)
    {
        var fake = await FakePortfolioOptimizerServer.StartAsync().DefaultTimeout();
        var options = TestOptions(fake.BaseAddress);
        configure?.Invoke(options);
        return new CloudHarness(fake, options);
    }

    /// <summary>Sum of the long counter <paramref name="instrument"/> with tag <paramref name="tag"/> (e.g. "reason=cloud_5xx").</summary>
    public long Count(string instrument, string? tag = null)
    {
        lock (_gate)
        {
            return _counts.Where(kv => kv.Key.StartsWith(instrument + (tag is null ? string.Empty : "|" + tag), StringComparison.Ordinal)).Sum(kv => kv.Value);
        }
    }

    public Task<HybridOptimizationResult> AutoAsync(Optimization.Portfolios.OptimizationRequest request, CloudRouting routing = CloudRouting.Auto) =>
        Hybrid.OptimizeAsync(request, routing, DateTime.MaxValue, CancellationToken.None).DefaultTimeout();

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
