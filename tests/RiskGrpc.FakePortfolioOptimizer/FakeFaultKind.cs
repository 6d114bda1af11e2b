namespace RiskGrpc.FakePortfolioOptimizer;

/// <summary>What the fake does with one request instead of (or before) answering it.</summary>
public enum FakeFaultKind
{
    /// <summary>Answer the documented example.</summary>
    None,

    /// <summary>Wait <see cref="FakeFault.Delay"/>, then answer.</summary>
    Latency,

    /// <summary>Never answer (until the client gives up).</summary>
    Hang,

    /// <summary>HTTP 500.</summary>
    InternalError,

    /// <summary>HTTP 502.</summary>
    BadGateway,

    /// <summary>HTTP 429 with <c>x-ratelimit-*</c> and <c>ratelimit-*</c> headers; <c>ratelimit-reset</c> is <see cref="FakeFault.Delay"/> in whole seconds.</summary>
    RateLimitedWithHeaders,

    /// <summary>HTTP 429 with <c>Retry-After</c> set to <see cref="FakeFault.Delay"/> in whole seconds.</summary>
    RateLimitedRetryAfter,

    /// <summary>HTTP 429 without any rate-limit header.</summary>
    RateLimitedBare,

    /// <summary>HTTP 400 with a <c>message</c>.</summary>
    BadRequest,

    /// <summary>HTTP 401.</summary>
    Unauthorized,

    /// <summary>HTTP 404.</summary>
    NotFound,

    /// <summary>HTTP 200 with a truncated JSON body.</summary>
    MalformedJson,

    /// <summary>HTTP 200 with one weight too many.</summary>
    WrongLength,

    /// <summary>HTTP 200 with weights outside [0, 1].</summary>
    OutOfBounds,

    /// <summary>HTTP 200 with valid (feasible) weights that differ from the documented answer.</summary>
    Divergent,

    /// <summary>The connection is aborted without a response.</summary>
    ConnectionReset,
}
