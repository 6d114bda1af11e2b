namespace RiskGrpc.Cloud;

/// <summary>A cloud-only call the cloud could not answer; <see cref="Reason"/> is the stable code of <see cref="FallbackReasons"/>.</summary>
public sealed class CloudUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CloudUnavailableException(string reason, string message, int cloudAttempts)
        : base(message)
    {
        Reason = reason;
        CloudAttempts = cloudAttempts;
    }

    /// <summary>Creates the exception (analyzer-required shape).</summary>
    public CloudUnavailableException()
        : this(FallbackReasons.CloudHttpError, "the cloud could not answer", 0)
    {
    }

    /// <summary>Creates the exception (analyzer-required shape).</summary>
    public CloudUnavailableException(string message)
        : this(FallbackReasons.CloudHttpError, message, 0)
    {
    }

    /// <summary>Creates the exception (analyzer-required shape).</summary>
    public CloudUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
        Reason = FallbackReasons.CloudHttpError;
    }

    /// <summary>Why the cloud could not answer.</summary>
    public string Reason { get; }

    /// <summary>HTTP attempts made.</summary>
    public int CloudAttempts { get; }

    /// <summary>True when waiting could help (rate limited by the cloud or by the client).</summary>
    public bool IsRateLimited => Reason is FallbackReasons.CloudRateLimited or FallbackReasons.ClientRateLimited;

    /// <summary>True when the request itself cannot go to the cloud (retrying will not help).</summary>
    public bool IsNotServable => Reason is FallbackReasons.NotSupportedByCloud or FallbackReasons.CloudNotConfigured or FallbackReasons.DeadlineTooShort;
}
