using System.Globalization;
using System.Net.Http.Headers;

namespace RiskGrpc.Cloud;

/// <summary>
/// The wait a 429 asks for (§3.4: both header families): <c>Retry-After</c> (seconds or a date), <c>ratelimit-reset</c>
/// (seconds), and the <c>x-ratelimit-remaining-{second,minute,hour,day}</c> / <c>ratelimit-remaining</c> counters (an
/// exhausted window means waiting for its end). The longest signal wins; null when the response carries none.
/// </summary>
public static class RateLimitHeaders
{
    private static readonly (string Header, TimeSpan Window)[] Windows =
    [
        ("x-ratelimit-remaining-second", TimeSpan.FromSeconds(1)),
        ("x-ratelimit-remaining-minute", TimeSpan.FromMinutes(1)),
        ("x-ratelimit-remaining-hour", TimeSpan.FromHours(1)),
        ("x-ratelimit-remaining-day", TimeSpan.FromDays(1)),
    ];

    /// <summary>The advised wait of <paramref name="headers"/> at <paramref name="now"/>, or null.</summary>
    public static TimeSpan? AdvisedWait(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        TimeSpan? wait = null;
        if (headers.RetryAfter is { } retryAfter)
        {
            wait = Max(wait, retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null));
        }

        if (Number(headers, "ratelimit-reset") is { } reset)
        {
            // The IETF draft's reset is delta-seconds; a Unix time would be absurdly large, and then it is one.
            wait = Max(wait, reset > 1e9 ? DateTimeOffset.FromUnixTimeSeconds((long)reset) - now : TimeSpan.FromSeconds(reset));
        }
        else if (Number(headers, "ratelimit-remaining") is <= 0)
        {
            wait = Max(wait, TimeSpan.FromSeconds(1));
        }

        foreach (var (header, window) in Windows)
        {
            if (Number(headers, header) is <= 0)
            {
                wait = Max(wait, window);
            }
        }

        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && double.TryParse(values.FirstOrDefault()?.Split(',')[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : null;
}
