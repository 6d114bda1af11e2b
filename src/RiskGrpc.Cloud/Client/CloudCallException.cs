using System.Net;

namespace RiskGrpc.Cloud;

/// <summary>
/// A cloud call that ended without usable weights, with the stable <see cref="Reason"/> code
/// (<see cref="FallbackReasons"/>). Messages describe the HTTP outcome only: never a header, never the key.
/// </summary>
public sealed class CloudCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CloudCallException(string reason, string message, HttpStatusCode? status = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        Status = status;
    }

    /// <summary>Creates an exception without a reason (required by the analyzers; prefer the reason-bearing constructor).</summary>
    public CloudCallException()
        : this(FallbackReasons.CloudHttpError, "cloud call failed")
    {
    }

    /// <summary>Creates an exception without a reason (required by the analyzers; prefer the reason-bearing constructor).</summary>
    public CloudCallException(string message)
        : this(FallbackReasons.CloudHttpError, message)
    {
    }

    /// <summary>Creates an exception without a reason (required by the analyzers; prefer the reason-bearing constructor).</summary>
    public CloudCallException(string message, Exception inner)
        : this(FallbackReasons.CloudHttpError, message, null, inner)
    {
    }

    /// <summary>The fallback reason code.</summary>
    public string Reason { get; }

    /// <summary>The HTTP status, when one was received.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The reason code of an unsuccessful HTTP status (§3.3).</summary>
    public static string ReasonOf(HttpStatusCode status) => (int)status switch
    {
        400 => FallbackReasons.CloudBadRequest,
        401 or 403 => FallbackReasons.CloudUnauthorized,
        404 or 405 => FallbackReasons.CloudNotFound,
        429 => FallbackReasons.CloudRateLimited,
        >= 500 and <= 599 => FallbackReasons.Cloud5xx,
        _ => FallbackReasons.CloudHttpError,
    };
}
