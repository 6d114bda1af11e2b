using System.Globalization;
using System.Threading.RateLimiting;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using RiskGrpc.Server.Security;

namespace RiskGrpc.Server.Protection;

/// <summary>
/// ASP.NET Core's rate limiter, partitioned by API key name (client address when anonymous): a token bucket for unary
/// calls and REST requests, a concurrency limit for streams; health and the metrics scrape are never limited. A refused
/// gRPC call ends RESOURCE_EXHAUSTED with <c>grpc-retry-pushback-ms</c> and a google.rpc.RetryInfo detail; a refused
/// REST request is HTTP 429 with <c>Retry-After</c>.
/// </summary>
internal static class RateLimitingRegistration
{
    public static WebApplicationBuilder AddRiskGrpcRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        options.Validate();
        var tokensPerPeriod = Math.Max(1, (int)Math.Ceiling(options.Unary.TokensPerSecond / 10));
        builder.Services.AddSingleton(new LivePortfolioQuota(options.Live.MaxPortfolios));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (bool Stream, string Who)>(context =>
            {
                var path = context.Request.Path;
                if (path.StartsWithSegments("/grpc.health.v1.Health") || path.StartsWithSegments("/metrics"))
                {
                    return RateLimitPartition.GetNoLimiter((false, string.Empty));
                }

                var who = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "key:" + name : "ip:" + context.Connection.RemoteIpAddress;
                var stream = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc && grpc.Method.Type != MethodType.Unary;
                return stream
                    ? RateLimitPartition.GetConcurrencyLimiter((true, who), _ => new ConcurrencyLimiterOptions { PermitLimit = options.Streams.MaxConcurrent, QueueLimit = 0 })
                    : RateLimitPartition.GetTokenBucketLimiter((false, who), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.Unary.Burst,
                        TokensPerPeriod = tokensPerPeriod,
                        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMilliseconds(100);
                Reject(rejected.HttpContext, retryAfter);
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    private static void Reject(HttpContext context, TimeSpan retryAfter)
    {
        var millis = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalMilliseconds));
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            const string message = "rate limit exceeded for this client; retry after the pushback";
            var status = new Google.Rpc.Status
            {
                Code = (int)StatusCode.ResourceExhausted,
                Message = message,
                Details =
                {
                    Any.Pack(new Google.Rpc.RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(millis)) }),
                },
            };
            GrpcTrailersOnly.Write(context, (int)StatusCode.ResourceExhausted, message, new Dictionary<string, string>
            {
                ["grpc-retry-pushback-ms"] = millis.ToString(CultureInfo.InvariantCulture),
                ["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('='),
            });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
