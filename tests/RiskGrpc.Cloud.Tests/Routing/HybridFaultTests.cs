using System.Diagnostics;
using RiskGrpc.Cloud.Tests.Infrastructure;
using RiskGrpc.FakePortfolioOptimizer;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Cloud.Tests.Routing;

/// <summary>Each injected cloud fault ends in the right venue, reason and attempt count (§3.3 retry rules), and AUTO always answers.</summary>
public sealed class HybridFaultTests
{
    private static readonly double[] Tangency = [3.0 / 11, 8.0 / 11];

    [Fact]
    public async Task Auto_500ThenSuccess_RetriedOnceAndServedByCloud()
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = call => call.Attempt == 1 ? FakeFault.Of(FakeFaultKind.InternalError) : FakeFault.None;

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(OptimizationVenue.Cloud, routed.Venue);
        Assert.Equal(2, routed.CloudAttempts);
        Assert.Equal(2, harness.Fake.Received.Count);
    }

    [Theory]
    [InlineData(FakeFaultKind.InternalError)]
    [InlineData(FakeFaultKind.BadGateway)]
    public async Task Auto_Persistent5xx_FallsBackAfterOneRetry(FakeFaultKind kind)
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = _ => FakeFault.Of(kind);

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(OptimizationVenue.Local, routed.Venue);
        Assert.Equal(FallbackReasons.Cloud5xx, routed.FallbackReason);
        Assert.Equal(2, routed.CloudAttempts);
        Assert.Equal(Tangency[0], routed.Result.Weights[0], 1e-8);
        Assert.Equal(1, harness.Count("riskgrpc.optimization.fallbacks", "reason=cloud_5xx"));
        Assert.Equal(1, harness.Count("riskgrpc.optimization.served", "venue=local"));
    }

    [Theory]
    [InlineData(FakeFaultKind.BadRequest, FallbackReasons.CloudBadRequest)]
    [InlineData(FakeFaultKind.Unauthorized, FallbackReasons.CloudUnauthorized)]
    [InlineData(FakeFaultKind.NotFound, FallbackReasons.CloudNotFound)]
    [InlineData(FakeFaultKind.MalformedJson, FallbackReasons.CloudInvalidAnswer)]
    [InlineData(FakeFaultKind.WrongLength, FallbackReasons.CloudInvalidAnswer)]
    [InlineData(FakeFaultKind.OutOfBounds, FallbackReasons.CloudInvalidAnswer)]
    [InlineData(FakeFaultKind.ConnectionReset, FallbackReasons.CloudUnreachable)]
    public async Task Auto_NonTransientFault_FallsBackWithoutRetry(FakeFaultKind kind, string reason)
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = _ => FakeFault.Of(kind);

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(OptimizationVenue.Local, routed.Venue);
        Assert.Equal(reason, routed.FallbackReason);
        Assert.Equal(1, routed.CloudAttempts);
        Assert.Single(harness.Fake.Received);
        Assert.Equal(Tangency[1], routed.Result.Weights[1], 1e-8);
    }

    [Fact]
    public async Task Auto_Hang_TimesOutWithinAttemptTimeoutAndFallsBack()
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = _ => FakeFault.Of(FakeFaultKind.Hang);
        var clock = Stopwatch.StartNew();

        var routed = await harness.AutoAsync(DocumentedRequests.MostDiversified());

        Assert.Equal(FallbackReasons.CloudTimeout, routed.FallbackReason);
        Assert.Equal(1, routed.CloudAttempts);
        Assert.InRange(clock.Elapsed, harness.Options.AttemptTimeout, harness.Options.TotalTimeout + TimeSpan.FromSeconds(1));
        Assert.Equal(1.0 / 3, routed.Result.Weights[0], 1e-8);
    }

    [Fact]
    public async Task Auto_ShortLatency_ServedByCloud()
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = _ => new FakeFault(FakeFaultKind.Latency, TimeSpan.FromMilliseconds(50));

        var routed = await harness.AutoAsync(DocumentedRequests.MeanVarianceEfficient());

        Assert.Equal(OptimizationVenue.Cloud, routed.Venue);
    }

    [Fact]
    public async Task Auto_429WithRetryAfter_WaitsTheAdvisedDelayThenServedByCloud()
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = call => call.Attempt == 1 ? new FakeFault(FakeFaultKind.RateLimitedRetryAfter, TimeSpan.FromSeconds(1)) : FakeFault.None;
        var clock = Stopwatch.StartNew();

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(OptimizationVenue.Cloud, routed.Venue);
        Assert.Equal(2, routed.CloudAttempts);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {clock.Elapsed}, before the advised 1 s");
    }

    [Fact]
    public async Task Auto_429WithRateLimitHeadersResettingLater_FallsBackWithoutWaiting()
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = _ => new FakeFault(FakeFaultKind.RateLimitedWithHeaders, TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(FallbackReasons.CloudRateLimited, routed.FallbackReason);
        Assert.Equal(1, routed.CloudAttempts);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Auto_429WithoutHeaders_RetriesOnceThenFallsBack()
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = _ => FakeFault.Of(FakeFaultKind.RateLimitedBare);

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(FallbackReasons.CloudRateLimited, routed.FallbackReason);
        Assert.Equal(2, routed.CloudAttempts);
    }

    [Fact]
    public async Task Auto_CircuitOpenAfterFailures_AnswersLocallyWithoutCallingOrWaiting()
    {
        await using var harness = await CloudHarness.StartAsync(o =>
        {
            o.CircuitMinimumThroughput = 2;
            o.CircuitBreakDuration = TimeSpan.FromSeconds(30);
            o.MaxRetries = 0;
        });
        harness.Fake.Faults = _ => FakeFault.Of(FakeFaultKind.BadGateway);
        await harness.AutoAsync(DocumentedRequests.MaximumSharpe());
        await harness.AutoAsync(DocumentedRequests.MaximumSharpe());
        var received = harness.Fake.Received.Count;
        var clock = Stopwatch.StartNew();

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(FallbackReasons.CircuitOpen, routed.FallbackReason);
        Assert.Equal(0, routed.CloudAttempts);
        Assert.Equal(received, harness.Fake.Received.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(500), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Auto_AnonymousLimiterOneInFlight_SecondConcurrentCallAnsweredLocally()
    {
        await using var harness = await CloudHarness.StartAsync(o =>
        {
            o.RequestsPerSecond = 1;
            o.MaxConcurrentRequests = 1;
            o.RateLimiterQueueLimit = 0;
        });
        harness.Fake.Faults = _ => new FakeFault(FakeFaultKind.Latency, TimeSpan.FromMilliseconds(300));

        var first = harness.AutoAsync(DocumentedRequests.MaximumSharpe());
        // The first call holds the only slot once the fake has its request (it answers 300 ms later).
        while (harness.Fake.Received.Count == 0)
        {
            await Task.Delay(5);
        }

        var second = await harness.AutoAsync(DocumentedRequests.MaximumSharpe(2));

        Assert.Equal(OptimizationVenue.Cloud, (await first).Venue);
        Assert.Equal(FallbackReasons.ClientRateLimited, second.FallbackReason);
        Assert.Equal(0, second.CloudAttempts);
        Assert.Single(harness.Fake.Received);
    }

    [Fact]
    public async Task Auto_DeadlineShorterThanLocalReserve_SkipsTheCloud()
    {
        await using var harness = await CloudHarness.StartAsync(o => o.LocalReserve = TimeSpan.FromMilliseconds(250));

        var routed = await harness.Hybrid.OptimizeAsync(DocumentedRequests.MaximumSharpe(), CloudRouting.Auto, TimeProvider.System.GetUtcNow().UtcDateTime.AddMilliseconds(200), CancellationToken.None).DefaultTimeout();

        Assert.Equal(FallbackReasons.DeadlineTooShort, routed.FallbackReason);
        Assert.Empty(harness.Fake.Received);
    }

    [Fact]
    public async Task Auto_RepeatedRequest_ServedFromCacheWithoutSpendingBudget()
    {
        await using var harness = await CloudHarness.StartAsync(o => o.CacheCapacity = 8);

        var first = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());
        var second = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(1, first.CloudAttempts);
        Assert.Equal(OptimizationVenue.Cloud, second.Venue);
        Assert.Equal(0, second.CloudAttempts);
        Assert.Equal(first.Result.Weights, second.Result.Weights);
        Assert.Single(harness.Fake.Received);
        Assert.Equal(1, harness.Count("riskgrpc.optimization.cloud.cache_hits"));
    }

    [Fact]
    public async Task Auto_CrossCheckOnDivergentAnswer_CountsDivergence()
    {
        await using var harness = await CloudHarness.StartAsync(o => o.CrossCheck = true);
        harness.Fake.Faults = _ => FakeFault.Of(FakeFaultKind.Divergent);

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(OptimizationVenue.Cloud, routed.Venue);
        Assert.Equal(1, harness.Count("riskgrpc.optimization.cross_check.divergences"));
    }

    [Fact]
    public async Task Auto_CrossCheckOnDocumentedAnswer_CountsNoDivergence()
    {
        await using var harness = await CloudHarness.StartAsync(o =>
        {
            o.CrossCheck = true;
            o.CrossCheckTolerance = 1e-4;
        });

        var routed = await harness.AutoAsync(DocumentedRequests.MostDiversified());

        Assert.Equal(OptimizationVenue.Cloud, routed.Venue);
        Assert.Equal(0, harness.Count("riskgrpc.optimization.cross_check.divergences"));
    }

    [Fact]
    public async Task Cloud_Fault_ThrowsWithReasonAndAttempts()
    {
        await using var harness = await CloudHarness.StartAsync();
        harness.Fake.Faults = _ => FakeFault.Of(FakeFaultKind.BadGateway);

        var ex = await Assert.ThrowsAsync<CloudUnavailableException>(() => harness.AutoAsync(DocumentedRequests.MaximumSharpe(), CloudRouting.Cloud));

        Assert.Equal(FallbackReasons.Cloud5xx, ex.Reason);
        Assert.Equal(2, ex.CloudAttempts);
    }

    [Fact]
    public async Task Cloud_RequestWithShorts_RefusedBeforeAnyHttpCall()
    {
        await using var harness = await CloudHarness.StartAsync();
        var request = DocumentedRequests.MaximumSharpe() with { Constraints = new Optimization.MeanVariance.PortfolioConstraints(2, -1, 1) };

        var ex = await Assert.ThrowsAsync<CloudUnavailableException>(() => harness.AutoAsync(request, CloudRouting.Cloud));
        var auto = await harness.AutoAsync(request);

        Assert.Equal(FallbackReasons.NotSupportedByCloud, ex.Reason);
        Assert.Contains("short", ex.Message, StringComparison.Ordinal);
        Assert.Equal(OptimizationVenue.Local, auto.Venue);
        Assert.Equal(FallbackReasons.NotSupportedByCloud, auto.FallbackReason);
        Assert.Empty(harness.Fake.Received);
    }

    [Fact]
    public async Task Unspecified_CloudDefaultAuto_GoesToCloud()
    {
        await using var harness = await CloudHarness.StartAsync();

        var routed = await harness.AutoAsync(DocumentedRequests.MaximumSharpe(), CloudRouting.Unspecified);

        Assert.Equal(OptimizationVenue.Cloud, routed.Venue);
    }

    [Fact]
    public async Task ApiKey_Configured_SentAsXApiKeyHeader()
    {
        const string key = "test-key-7f3a9c";
        await using var harness = await CloudHarness.StartAsync(o => o.ApiKey = key);

        await harness.AutoAsync(DocumentedRequests.MaximumSharpe());

        Assert.Equal(key, Assert.Single(harness.Fake.Received).ApiKey);
    }

    [Fact]
    public async Task NoCloudConfigured_UnspecifiedIsLocalAndAutoSaysWhy()
    {
        var local = HybridPortfolioOptimizer.LocalOnly();

        var unspecified = await local.OptimizeAsync(DocumentedRequests.MaximumSharpe(), CloudRouting.Unspecified, DateTime.MaxValue, CancellationToken.None);
        var auto = await local.OptimizeAsync(DocumentedRequests.MaximumSharpe(), CloudRouting.Auto, DateTime.MaxValue, CancellationToken.None);

        Assert.Equal((OptimizationVenue.Local, string.Empty), (unspecified.Venue, unspecified.FallbackReason));
        Assert.Equal((OptimizationVenue.Local, FallbackReasons.CloudNotConfigured), (auto.Venue, auto.FallbackReason));
    }
}
