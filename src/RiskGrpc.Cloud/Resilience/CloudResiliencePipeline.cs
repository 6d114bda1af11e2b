using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace RiskGrpc.Cloud;

/// <summary>
/// The Polly v8 pipeline of the cloud client, outermost first: total timeout → retry (5xx and 429 only, §3.3; jittered
/// exponential backoff, or the wait the 429's headers advise when it is short enough) → circuit breaker (5xx, 429,
/// timeouts, network errors) → client-side rate limiter → per-attempt timeout. 4xx other than 429 and invalid answers
/// are neither retried nor counted against the circuit: they are not transient.
/// </summary>
public static class CloudResiliencePipeline
{
    /// <summary>Adds the strategies to <paramref name="builder"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, CloudOptimizerOptions options, CloudCircuit circuit, CloudRateLimiter limiter, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(time);
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "cloud-total", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "cloud-retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } r && IsRetryable(r, options.MaxRateLimitWait, time.GetUtcNow())),
                DelayGenerator = args => ValueTask.FromResult(RetryDelay(args.Outcome.Result, options, time.GetUtcNow(), args.AttemptNumber)),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "cloud-circuit",
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            StateProvider = circuit.StateProvider,
            ShouldHandle = args => ValueTask.FromResult(CountsAgainstCircuit(args.Outcome)),
        });
        builder.AddRateLimiter(new HttpRateLimiterStrategyOptions
        {
            Name = "cloud-rate-limiter",
            RateLimiter = args => limiter.AcquireAsync(args.Context.CancellationToken),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Name = "cloud-attempt", Timeout = options.AttemptTimeout });
    }

    /// <summary>§3.3: 5xx is retried; 429 is retried unless its headers ask for a wait longer than <paramref name="maxWait"/>.</summary>
    public static bool IsRetryable(HttpResponseMessage response, TimeSpan maxWait, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        if (status is >= 500 and <= 599)
        {
            return true;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests
            && (RateLimitHeaders.AdvisedWait(response.Headers, now) is not { } wait || wait <= maxWait);
    }

    /// <summary>
    /// The wait before retry <paramref name="attempt"/>: a 429's advised wait (plus up to 10 % jitter), or
    /// <see cref="CloudOptimizerOptions.RateLimitedRetryDelay"/> when it advises none; null (Polly's jittered backoff) for 5xx.
    /// </summary>
    public static TimeSpan? RetryDelay(HttpResponseMessage? response, CloudOptimizerOptions options, DateTimeOffset now, int attempt)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (response?.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        var wait = RateLimitHeaders.AdvisedWait(response.Headers, now) ?? options.RateLimitedRetryDelay;
        // Jitter spreads the retries of concurrent callers that read the same reset time (Random.Shared: jitter needs no reproducibility).
        return wait + (wait * (0.1 * Random.Shared.NextDouble())) + TimeSpan.FromMilliseconds(attempt);
    }

    private static bool CountsAgainstCircuit(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
