using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cloud;

/// <summary>
/// The router of one optimization: local, cloud only, or cloud first with a local fallback. Moments are estimated
/// locally once; the cloud gets the request only when <see cref="CloudRequestMapper"/> can express it, the circuit is
/// closed, the cache has no answer and the call's deadline leaves time; its answer is used only after
/// <see cref="CloudAnswerValidator"/> accepts it. Whichever venue answers, the portfolio figures are computed locally
/// from the weights, so responses have one shape. Invalid input throws <c>OptimizationException</c> on every route.
/// </summary>
public sealed class HybridPortfolioOptimizer
{
    /// <summary>Engine name reported for cloud answers.</summary>
    public const string CloudEngine = "portfolio-optimizer";

    private static readonly TimeSpan MinimumCloudBudget = TimeSpan.FromMilliseconds(20);
    private readonly CloudOptimizerOptions _options;
    private readonly CloudAnswerCache _cache;
    private readonly HybridOptimizerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PortfolioOptimizerClient? _client;
    private readonly CloudCircuit? _circuit;
    private readonly int _maxAssets;

    /// <summary>Creates the router; without <paramref name="client"/> (no cloud configured) every call is local.</summary>
    public HybridPortfolioOptimizer(
        CloudOptimizerOptions options,
        CloudAnswerCache cache,
        HybridOptimizerMetrics metrics,
        ILogger<HybridPortfolioOptimizer> logger,
        TimeProvider time,
        PortfolioOptimizerClient? client = null,
        CloudCircuit? circuit = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _cache = cache;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _client = options.Enabled ? client : null;
        _circuit = circuit;
        _maxAssets = options.EffectiveMaxAssets(options.ResolveApiKey() is not null);
    }

    /// <summary>Whether a cloud client is configured.</summary>
    public bool CloudConfigured => _client is not null;

    /// <summary>A router that only ever answers locally (no cloud configured).</summary>
    public static HybridPortfolioOptimizer LocalOnly() => new(
        new CloudOptimizerOptions(),
        new CloudAnswerCache(0, TimeSpan.FromMinutes(1), TimeProvider.System),
        new HybridOptimizerMetrics(),
        NullLogger<HybridPortfolioOptimizer>.Instance,
        TimeProvider.System);

    /// <summary>The routing actually applied: unspecified means the configured default, and local without a cloud.</summary>
    public CloudRouting Effective(CloudRouting routing) => routing switch
    {
        CloudRouting.Unspecified when !CloudConfigured => CloudRouting.Local,
        CloudRouting.Unspecified => _options.DefaultRouting == CloudRouting.Unspecified ? CloudRouting.Local : _options.DefaultRouting,
        _ => routing,
    };

    /// <summary>
    /// Optimizes <paramref name="request"/> on the venue <paramref name="routing"/> selects, the cloud leg bounded by
    /// <see cref="CloudOptimizerOptions.TotalTimeout"/> and by <paramref name="deadlineUtc"/> less the local reserve.
    /// Cloud-only calls the cloud cannot answer throw <see cref="CloudUnavailableException"/>.
    /// </summary>
    public Task<HybridOptimizationResult> OptimizeAsync(OptimizationRequest request, CloudRouting routing, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var effective = Effective(routing);
        if (effective == CloudRouting.Local)
        {
            var local = PortfolioOptimizer.Optimize(request);
            _metrics.Served(OptimizationVenue.Local);
            return Task.FromResult(new HybridOptimizationResult(local, OptimizationVenue.Local, string.Empty, 0));
        }

        return CloudFirstAsync(request, effective == CloudRouting.Cloud, deadlineUtc, cancellationToken);
    }

    private async Task<HybridOptimizationResult> CloudFirstAsync(OptimizationRequest request, bool cloudOnly, DateTime deadlineUtc, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        if (_client is null)
        {
            return Fallback(request, cloudOnly, FallbackReasons.CloudNotConfigured, "no cloud is configured (RiskGrpc:Cloud:Enabled)", 0);
        }

        if (CloudRequestMapper.StructuralRefusal(request, _maxAssets) is { } refusal)
        {
            return Fallback(request, cloudOnly, FallbackReasons.NotSupportedByCloud, refusal, 0);
        }

        // With the circuit open and nothing cached the cloud cannot help: go local before any cloud-side work, so the
        // fallback costs what a local call costs (measured by HybridFallbackBenchmarks).
        if (_circuit?.IsOpen == true && _cache.Count == 0)
        {
            return Fallback(request, cloudOnly, FallbackReasons.CircuitOpen, "the circuit breaker is open after recent cloud failures", 0);
        }

        // Estimated once: the cloud needs the moments, and a fallback reuses them instead of estimating again.
        var (mu, cov) = InputEstimator.Resolve(request);
        var resolved = request with { Returns = null, ExpectedReturns = mu, Covariance = cov, BlackLitterman = null };

        var mapping = CloudRequestMapper.Map(request, mu, cov, _maxAssets);
        if (mapping.Request is not { } cloudRequest)
        {
            return Fallback(resolved, cloudOnly, FallbackReasons.NotSupportedByCloud, mapping.Refusal ?? "not expressible", 0);
        }

        var key = _options.CacheCapacity > 0 ? CloudRequestJson.CacheKey(cloudRequest) : null;
        if (key is not null && _cache.TryGet(key, out var cached))
        {
            _metrics.CacheHit();
            return Answered(resolved, cloudRequest, cached, 0, start);
        }

        if (_circuit?.IsOpen == true)
        {
            return Fallback(resolved, cloudOnly, FallbackReasons.CircuitOpen, "the circuit breaker is open after recent cloud failures", 0);
        }

        var budget = Budget(deadlineUtc);
        if (budget < MinimumCloudBudget)
        {
            return Fallback(resolved, cloudOnly, FallbackReasons.DeadlineTooShort, $"the call's deadline leaves {budget.TotalMilliseconds:F0} ms for the cloud", 0);
        }

        var tracker = new CloudAttemptTracker();
        var (weights, reason, detail) = await CallCloudAsync(cloudRequest, tracker, budget, cancellationToken).ConfigureAwait(false);
        _metrics.CloudLatency(Stopwatch.GetElapsedTime(start).TotalMilliseconds, reason ?? "ok");
        if (weights is not null)
        {
            if (key is not null)
            {
                _cache.Set(key, weights);
            }

            return Answered(resolved, cloudRequest, weights, tracker.Attempts, start);
        }

        return Fallback(resolved, cloudOnly, reason!, detail!, tracker.Attempts);
    }

    /// <summary>One cloud leg: validated weights, or the reason and detail of its failure.</summary>
    private async Task<(double[]? Weights, string? Reason, string? Detail)> CallCloudAsync(CloudOptimizationRequest request, CloudAttemptTracker tracker, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var budgetCts = new CancellationTokenSource(budget, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budgetCts.Token);
        try
        {
            var weights = await _client!.OptimizeAsync(request, tracker, linked.Token).ConfigureAwait(false);
            return CloudAnswerValidator.Validate(request, weights, _options.ValidationTolerance) is { } problem
                ? (null, FallbackReasons.CloudInvalidAnswer, "the answer failed validation: " + problem)
                : (weights, null, null);
        }
        catch (CloudCallException ex)
        {
            if (ex.Reason == FallbackReasons.CloudUnauthorized)
            {
                CloudLog.Unauthorized(_logger);
            }
            else if (ex.Reason == FallbackReasons.CloudNotFound)
            {
                CloudLog.ContractDrift(_logger, ex.Message);
            }

            return (null, ex.Reason, ex.Message);
        }
        catch (BrokenCircuitException)
        {
            return (null, FallbackReasons.CircuitOpen, "the circuit breaker is open after recent cloud failures");
        }
        catch (RateLimiterRejectedException)
        {
            return (null, FallbackReasons.ClientRateLimited, "the client-side rate limiter's queue is full");
        }
        catch (TimeoutRejectedException ex)
        {
            // The total timeout can fire while the call still waits for a rate-limiter permit, before any attempt.
            return tracker.Attempts == 0
                ? (null, FallbackReasons.ClientRateLimited, $"no rate-limiter permit within {ex.Timeout.TotalMilliseconds:F0} ms")
                : (null, FallbackReasons.CloudTimeout, $"no answer within {ex.Timeout.TotalMilliseconds:F0} ms");
        }
        catch (HttpRequestException ex)
        {
            return (null, FallbackReasons.CloudUnreachable, "connection failed: " + ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The budget ran out: before any attempt it was spent waiting for a rate-limiter permit.
            return tracker.Attempts == 0
                ? (null, FallbackReasons.ClientRateLimited, $"no rate-limiter permit within the cloud budget of {budget.TotalMilliseconds:F0} ms")
                : (null, FallbackReasons.CloudTimeout, $"no answer within the cloud budget of {budget.TotalMilliseconds:F0} ms");
        }
    }

    private TimeSpan Budget(DateTime deadlineUtc)
    {
        if (deadlineUtc == DateTime.MaxValue)
        {
            return _options.TotalTimeout;
        }

        var left = deadlineUtc - _time.GetUtcNow().UtcDateTime - _options.LocalReserve;
        return left < _options.TotalTimeout ? left : _options.TotalTimeout;
    }

    private HybridOptimizationResult Answered(OptimizationRequest resolved, CloudOptimizationRequest cloudRequest, double[] weights, int attempts, long start)
    {
        var performance = PortfolioPerformance.Compute(weights, resolved.ExpectedReturns, resolved.Covariance!, resolved.RiskFreeRate);
        var result = new OptimizationResult(resolved.Assets, weights, performance, CloudEngine, 0, [], Stopwatch.GetElapsedTime(start));
        if (_options.CrossCheck)
        {
            CrossCheck(resolved, cloudRequest.Endpoint, weights);
        }

        _metrics.Served(OptimizationVenue.Cloud);
        return new HybridOptimizationResult(result, OptimizationVenue.Cloud, string.Empty, attempts);
    }

    private void CrossCheck(OptimizationRequest resolved, CloudEndpoint endpoint, double[] cloudWeights)
    {
        try
        {
            var local = PortfolioOptimizer.Optimize(resolved).Weights;
            var difference = local.Zip(cloudWeights, (a, b) => Math.Abs(a - b)).Max();
            if (difference > _options.CrossCheckTolerance)
            {
                CloudLog.Diverged(_logger, difference, _options.CrossCheckTolerance, endpoint);
                _metrics.Divergence();
            }
        }
        catch (Optimization.OptimizationException ex)
        {
            CloudLog.CrossCheckFailed(_logger, ex.Message);
        }
    }

    private HybridOptimizationResult Fallback(OptimizationRequest request, bool cloudOnly, string reason, string detail, int attempts)
    {
        _metrics.Fallback(reason);
        if (cloudOnly)
        {
            CloudLog.CloudOnlyFailed(_logger, reason, detail);
            throw new CloudUnavailableException(reason, $"the cloud could not answer ({reason}): {detail}", attempts);
        }

        var routine = reason is FallbackReasons.CircuitOpen or FallbackReasons.NotSupportedByCloud or FallbackReasons.CloudNotConfigured;
        CloudLog.FellBack(_logger, routine ? LogLevel.Debug : LogLevel.Information, reason, detail);
        var local = PortfolioOptimizer.Optimize(request);
        _metrics.Served(OptimizationVenue.Local);
        return new HybridOptimizationResult(local, OptimizationVenue.Local, reason, attempts);
    }
}
