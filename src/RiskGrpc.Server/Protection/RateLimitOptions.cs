namespace RiskGrpc.Server.Protection;

/// <summary>
/// The <c>RiskGrpc:RateLimits</c> section: per API key (per client address when auth is off) a token bucket for unary
/// calls and REST requests, and a cap on concurrent streams. Defaults are far above what the serving benchmarks drive.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "RiskGrpc:RateLimits";

    /// <summary>Unary calls.</summary>
    public UnaryLimits Unary { get; set; } = new();

    /// <summary>Streaming calls.</summary>
    public StreamLimits Streams { get; set; } = new();

    /// <summary>Live portfolios.</summary>
    public LiveLimits Live { get; set; } = new();

    /// <summary>Checks the values; throws naming the setting.</summary>
    public void Validate()
    {
        if (!(Unary.TokensPerSecond > 0) || Unary.Burst < 1 || Streams.MaxConcurrent < 1 || Live.MaxPortfolios < 1)
        {
            throw new InvalidOperationException("RiskGrpc:RateLimits: Unary:TokensPerSecond must be > 0, Unary:Burst, Streams:MaxConcurrent and Live:MaxPortfolios >= 1");
        }
    }

    /// <summary>Cap on live portfolios.</summary>
    public sealed class LiveLimits
    {
        /// <summary>Live portfolios one key (or address) may write.</summary>
        public int MaxPortfolios { get; set; } = 100_000;
    }

    /// <summary>Token bucket of unary calls.</summary>
    public sealed class UnaryLimits
    {
        /// <summary>Sustained calls per second per partition.</summary>
        public double TokensPerSecond { get; set; } = 100_000;

        /// <summary>Calls allowed at once after a quiet spell.</summary>
        public int Burst { get; set; } = 200_000;
    }

    /// <summary>Concurrency limit of streaming calls.</summary>
    public sealed class StreamLimits
    {
        /// <summary>Streams open at once per partition.</summary>
        public int MaxConcurrent { get; set; } = 10_000;
    }
}
