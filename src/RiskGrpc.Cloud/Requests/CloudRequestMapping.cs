namespace RiskGrpc.Cloud;

/// <summary>The outcome of <see cref="CloudRequestMapper"/>: a request for the cloud, or why the cloud cannot serve it.</summary>
/// <param name="Request">The cloud request; null when refused.</param>
/// <param name="Refusal">Why the request cannot be expressed for the cloud; null when mapped.</param>
public sealed record CloudRequestMapping(CloudOptimizationRequest? Request, string? Refusal)
{
    /// <summary>A refusal with its explanation.</summary>
    public static CloudRequestMapping Refused(string why) => new(null, why);
}
