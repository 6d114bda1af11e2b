using System.Threading.RateLimiting;

namespace RiskGrpc.Cloud;

/// <summary>
/// Client-side limiter of the cloud leg: at most <c>maxConcurrent</c> requests in flight and a token bucket of
/// <c>requestsPerSecond</c> (anonymous: one in flight, 1/s — the service rejects parallel anonymous calls, §3.2).
/// A call first waits for a concurrency slot, then for a token; both queues are bounded and honour cancellation.
/// </summary>
public sealed class CloudRateLimiter : IDisposable
{
    private readonly ConcurrencyLimiter _concurrency;
    private readonly TokenBucketRateLimiter _rate;

    /// <summary>Creates the limiter.</summary>
    public CloudRateLimiter(double requestsPerSecond, int maxConcurrent, int queueLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrent);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = maxConcurrent,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        // Fractional rates (below 1/s) replenish one token per 1/rate seconds; faster ones replenish per 100 ms.
        var perPeriod = requestsPerSecond >= 10 ? (int)Math.Ceiling(requestsPerSecond / 10) : 1;
        var period = TimeSpan.FromSeconds(perPeriod / requestsPerSecond);
        _rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perPeriod),
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = queueLimit + maxConcurrent,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits for a slot and a token; an unacquired lease means the queue was full.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        var slot = await _concurrency.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!slot.IsAcquired)
        {
            return slot;
        }

        try
        {
            var token = await _rate.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            if (!token.IsAcquired)
            {
                slot.Dispose();
                return token;
            }

            // The token is spent on acquisition; only the concurrency slot is held until the attempt ends.
            token.Dispose();
            return slot;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _concurrency.Dispose();
        _rate.Dispose();
    }
}
