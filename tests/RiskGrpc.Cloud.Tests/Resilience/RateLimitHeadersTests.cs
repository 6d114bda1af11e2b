using System.Net;

namespace RiskGrpc.Cloud.Tests.Resilience;

public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Theory]
    [InlineData("Retry-After", "2", 2.0)]
    [InlineData("ratelimit-reset", "3", 3.0)]
    [InlineData("ratelimit-remaining", "0", 1.0)]
    [InlineData("x-ratelimit-remaining-second", "0", 1.0)]
    [InlineData("x-ratelimit-remaining-minute", "0", 60.0)]
    [InlineData("x-ratelimit-remaining-day", "0", 86400.0)]
    [InlineData("x-ratelimit-remaining-second", "5", null)]
    public void AdvisedWait_OneHeader_ReadsItsWait(string header, string value, double? seconds)
    {
        using var response = Response((header, value));

        var wait = RateLimitHeaders.AdvisedWait(response.Headers, Now);

        Assert.Equal(seconds, wait?.TotalSeconds);
    }

    [Fact]
    public void AdvisedWait_RetryAfterDate_IsTheTimeUntilThen()
    {
        using var response = Response(("Retry-After", Now.AddSeconds(4).ToString("r")));

        Assert.Equal(TimeSpan.FromSeconds(4), RateLimitHeaders.AdvisedWait(response.Headers, Now));
    }

    [Fact]
    public void AdvisedWait_BothFamilies_LongestWins()
    {
        using var response = Response(("ratelimit-reset", "1"), ("x-ratelimit-remaining-minute", "0"));

        Assert.Equal(TimeSpan.FromMinutes(1), RateLimitHeaders.AdvisedWait(response.Headers, Now));
    }

    [Fact]
    public void AdvisedWait_NoHeaders_Null()
    {
        using var response = Response();

        Assert.Null(RateLimitHeaders.AdvisedWait(response.Headers, Now));
    }

    [Theory]
    [InlineData(500, null, true)]
    [InlineData(502, null, true)]
    [InlineData(400, null, false)]
    [InlineData(401, null, false)]
    [InlineData(404, null, false)]
    [InlineData(429, null, true)]
    [InlineData(429, "1", true)]
    [InlineData(429, "60", false)]
    public void IsRetryable_Status_FollowsSection33(int status, string? reset, bool retry)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        if (reset is not null)
        {
            response.Headers.TryAddWithoutValidation("ratelimit-reset", reset);
        }

        Assert.Equal(retry, CloudResiliencePipeline.IsRetryable(response, TimeSpan.FromSeconds(1.5), Now));
    }

    [Fact]
    public void RetryDelay_429WithoutHeaders_WaitsTheConfiguredDelayPlusJitter()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        var options = new CloudOptimizerOptions { RateLimitedRetryDelay = TimeSpan.FromSeconds(1) };

        var delay = CloudResiliencePipeline.RetryDelay(response, options, Now, 0)!.Value;

        Assert.InRange(delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.1) + TimeSpan.FromMilliseconds(1));
    }
}
