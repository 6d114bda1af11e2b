namespace RiskGrpc.Cloud;

/// <summary>
/// Stable short codes telling why a cloud-routed call was answered locally (or, routed to the cloud only, why it
/// failed). They appear in diagnostics, logs and metric tags; never rename one.
/// </summary>
public static class FallbackReasons
{
    /// <summary>No cloud is configured (<c>RiskGrpc:Cloud:Enabled</c> is false).</summary>
    public const string CloudNotConfigured = "cloud_not_configured";

    /// <summary>The request uses something the cloud cannot express (shorts, linear limits, L2, a method it lacks, too many assets).</summary>
    public const string NotSupportedByCloud = "not_supported_by_cloud";

    /// <summary>The call's own deadline leaves too little time for a cloud attempt before the local fallback.</summary>
    public const string DeadlineTooShort = "deadline_too_short";

    /// <summary>The circuit breaker is open after recent cloud failures: the cloud was not asked.</summary>
    public const string CircuitOpen = "circuit_open";

    /// <summary>No permit from the client-side rate limiter within the time budget: the cloud was not asked.</summary>
    public const string ClientRateLimited = "client_rate_limited";

    /// <summary>An attempt or the whole cloud leg ran out of time.</summary>
    public const string CloudTimeout = "cloud_timeout";

    /// <summary>HTTP 429 from the cloud, after the allowed retries.</summary>
    public const string CloudRateLimited = "cloud_rate_limited";

    /// <summary>HTTP 5xx from the cloud, after the allowed retries.</summary>
    public const string Cloud5xx = "cloud_5xx";

    /// <summary>HTTP 400: the cloud refused the content (limits, anonymous subset, or a contract change).</summary>
    public const string CloudBadRequest = "cloud_bad_request";

    /// <summary>HTTP 401 or 403: the API key was refused (a configuration error).</summary>
    public const string CloudUnauthorized = "cloud_unauthorized";

    /// <summary>HTTP 404 or 405: the path no longer exists (contract drift).</summary>
    public const string CloudNotFound = "cloud_not_found";

    /// <summary>Another unexpected HTTP status.</summary>
    public const string CloudHttpError = "cloud_http_error";

    /// <summary>The connection failed or was reset.</summary>
    public const string CloudUnreachable = "cloud_unreachable";

    /// <summary>The answer was not JSON of the documented shape, or failed validation (length, finiteness, bounds, exposure, groups).</summary>
    public const string CloudInvalidAnswer = "cloud_invalid_answer";
}
