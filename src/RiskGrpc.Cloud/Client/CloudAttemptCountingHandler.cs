namespace RiskGrpc.Cloud;

/// <summary>Innermost handler: every attempt the pipeline lets through (after circuit breaker and rate limiter) is counted.</summary>
internal sealed class CloudAttemptCountingHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(CloudAttemptTracker.Key, out var tracker))
        {
            tracker.Increment();
        }

        return base.SendAsync(request, cancellationToken);
    }
}
