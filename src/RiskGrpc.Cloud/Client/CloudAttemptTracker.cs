namespace RiskGrpc.Cloud;

/// <summary>
/// Counts the HTTP attempts of one logical cloud call. It travels in the request's options; the per-attempt
/// <see cref="CloudAttemptCountingHandler"/> (inside the resilience pipeline) increments it.
/// </summary>
public sealed class CloudAttemptTracker
{
    /// <summary>The request option holding the tracker.</summary>
    public static readonly HttpRequestOptionsKey<CloudAttemptTracker> Key = new("RiskGrpc.Cloud.Attempts");

    private int _attempts;

    /// <summary>Attempts that reached the network so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Records one attempt.</summary>
    public void Increment() => Interlocked.Increment(ref _attempts);
}
