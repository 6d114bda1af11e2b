namespace RiskGrpc.Cloud;

/// <summary>
/// Settings of the cloud leg, bound from <c>RiskGrpc:Cloud</c>. Without <see cref="Enabled"/> no HTTP client exists and
/// every call is answered locally. The API key comes from <see cref="ApiKey"/> or the environment variable
/// <see cref="ApiKeyEnvironmentVariable"/>; it is sent as <c>X-API-Key</c> and never logged.
/// </summary>
public sealed class CloudOptimizerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RiskGrpc:Cloud";

    /// <summary>Environment variable holding the API key when the configuration has none.</summary>
    public const string ApiKeyEnvironmentVariable = "PORTFOLIO_OPTIMIZER_API_KEY";

    /// <summary>Assets the service accepts per request without a key (§3.2).</summary>
    public const int AnonymousMaxAssets = 20;

    /// <summary>Assets the service accepts per request with a key (§3.2).</summary>
    public const int KeyedMaxAssets = 100;

    /// <summary>Whether a cloud is configured at all. Default false: local only, no network.</summary>
    public bool Enabled { get; set; }

    /// <summary>Base URL including the version segment and a trailing slash.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.portfoliooptimizer.io/v1/");

    /// <summary>The API key; prefer the environment variable. Empty means anonymous (1 request/s, 20 assets).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Endpoint paths relative to <see cref="BaseUrl"/>.</summary>
    public CloudEndpointPaths Paths { get; set; } = new();

    /// <summary>Largest asset count sent to the cloud; 0 means 20 anonymous, 100 with a key. Above it the call goes local at once.</summary>
    public int MaxAssets { get; set; }

    /// <summary>Routing of calls that leave it unspecified.</summary>
    public CloudRouting DefaultRouting { get; set; } = CloudRouting.Local;

    /// <summary>Longest the whole cloud leg may take (retries included); shortened further by the call's own deadline. Default 2.5 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Longest one HTTP attempt may take. Default 1.5 s (the keyed execution cap is 2.5 s, so slow answers are cut short).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Time kept back from the call's deadline for the local fallback. Default 250 ms.</summary>
    public TimeSpan LocalReserve { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Retries after a 5xx or 429 (§3.3: once or twice). Default 1; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 1;

    /// <summary>Base of the jittered exponential backoff after a 5xx. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Wait before retrying a 429 that carries no rate-limit header (§3.3: anonymous waits at least 1 s). Default 1 s.</summary>
    public TimeSpan RateLimitedRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest server-advised wait (Retry-After, ratelimit-reset, x-ratelimit-*) the client honours; longer ones fall back at once. Default 1.5 s.</summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Failure ratio within <see cref="CircuitSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Calls within the sampling window before the ratio counts (at least 2). Default 4.</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    /// <summary>Sampling window of the circuit breaker (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a probe (at least 0.5 s). Default 30 s.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Client-side request rate; 0 means 1/s anonymous (the service's limit for all anonymous users), 2/s with a key.</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>Requests in flight at once; 0 means 1 anonymous (parallel calls are rejected), 4 with a key.</summary>
    public int MaxConcurrentRequests { get; set; }

    /// <summary>Calls that may wait for a rate-limiter permit; more are answered locally at once. Default 4.</summary>
    public int RateLimiterQueueLimit { get; set; } = 4;

    /// <summary>Also solve locally and log and count divergences beyond <see cref="CrossCheckTolerance"/>.</summary>
    public bool CrossCheck { get; set; }

    /// <summary>Largest |w_cloud − w_local| accepted by the cross-check. Default 1e-4.</summary>
    public double CrossCheckTolerance { get; set; } = 1e-4;

    /// <summary>Cloud answers kept for repeated identical requests; 0 disables the cache. Default 256.</summary>
    public int CacheCapacity { get; set; } = 256;

    /// <summary>How long a cached answer is reused. Default 15 minutes.</summary>
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Tolerance of the answer validation (bounds, exposure, groups). Default 1e-6 (§7).</summary>
    public double ValidationTolerance { get; set; } = 1e-6;

    /// <summary>The key from the configuration, else from the environment; null when anonymous.</summary>
    public string? ResolveApiKey() =>
        !string.IsNullOrWhiteSpace(ApiKey) ? ApiKey.Trim()
        : Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) is { Length: > 0 } env && !string.IsNullOrWhiteSpace(env) ? env.Trim()
        : null;

    /// <summary><see cref="MaxAssets"/> with its default applied.</summary>
    public int EffectiveMaxAssets(bool keyed) => MaxAssets > 0 ? MaxAssets : keyed ? KeyedMaxAssets : AnonymousMaxAssets;

    /// <summary><see cref="RequestsPerSecond"/> with its default applied.</summary>
    public double EffectiveRequestsPerSecond(bool keyed) => RequestsPerSecond > 0 ? RequestsPerSecond : keyed ? 2 : 1;

    /// <summary><see cref="MaxConcurrentRequests"/> with its default applied.</summary>
    public int EffectiveMaxConcurrentRequests(bool keyed) => MaxConcurrentRequests > 0 ? MaxConcurrentRequests : keyed ? 4 : 1;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first setting out of range (never echoing the key).</summary>
    public void Validate()
    {
        Require(BaseUrl is { IsAbsoluteUri: true } && BaseUrl.AbsoluteUri.EndsWith('/'), nameof(BaseUrl), "must be an absolute URL ending in '/'");
        Require(MaxAssets >= 0, nameof(MaxAssets), "must be ≥ 0");
        Require(Enum.IsDefined(DefaultRouting), nameof(DefaultRouting), "must be Unspecified, Local, Cloud or Auto");
        Require(TotalTimeout >= TimeSpan.FromMilliseconds(10), nameof(TotalTimeout), "must be at least 10 ms");
        Require(AttemptTimeout >= TimeSpan.FromMilliseconds(10) && AttemptTimeout <= TotalTimeout, nameof(AttemptTimeout), "must be at least 10 ms and at most TotalTimeout");
        Require(LocalReserve >= TimeSpan.Zero, nameof(LocalReserve), "must be ≥ 0");
        Require(MaxRetries is >= 0 and <= 5, nameof(MaxRetries), "must be 0 to 5");
        Require(RetryBaseDelay >= TimeSpan.Zero && RateLimitedRetryDelay >= TimeSpan.Zero && MaxRateLimitWait >= TimeSpan.Zero, "RetryDelays", "must be ≥ 0");
        Require(CircuitFailureRatio is > 0 and <= 1, nameof(CircuitFailureRatio), "must be in (0, 1]");
        Require(CircuitMinimumThroughput >= 2, nameof(CircuitMinimumThroughput), "must be ≥ 2");
        Require(CircuitSamplingDuration >= TimeSpan.FromMilliseconds(500), nameof(CircuitSamplingDuration), "must be at least 0.5 s");
        Require(CircuitBreakDuration >= TimeSpan.FromMilliseconds(500), nameof(CircuitBreakDuration), "must be at least 0.5 s");
        Require(RequestsPerSecond >= 0 && double.IsFinite(RequestsPerSecond), nameof(RequestsPerSecond), "must be finite and ≥ 0");
        Require(MaxConcurrentRequests >= 0, nameof(MaxConcurrentRequests), "must be ≥ 0");
        Require(RateLimiterQueueLimit >= 0, nameof(RateLimiterQueueLimit), "must be ≥ 0");
        Require(CrossCheckTolerance > 0, nameof(CrossCheckTolerance), "must be > 0");
        Require(CacheCapacity >= 0, nameof(CacheCapacity), "must be ≥ 0");
        Require(CacheTtl > TimeSpan.Zero, nameof(CacheTtl), "must be > 0");
        Require(ValidationTolerance > 0, nameof(ValidationTolerance), "must be > 0");
    }

    private static void Require(bool ok, string name, string rule)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Configuration {SectionName}:{name} {rule}");
        }
    }
}
