namespace RiskGrpc.Engine.Metrics;

/// <summary>A request exceeds a configured <see cref="MetricsLimits"/> value (maps to RESOURCE_EXHAUSTED).</summary>
public sealed class LimitExceededException : Exception
{
    /// <summary>Creates the exception: <paramref name="limit"/> allows <paramref name="maximum"/>, the request has <paramref name="actual"/>.</summary>
    public LimitExceededException(string limit, long actual, long maximum)
        : base($"{limit} is {actual}, above the server limit of {maximum}")
    {
        Limit = limit;
        Actual = actual;
        Maximum = maximum;
    }

    /// <summary>Which limit (e.g. <c>returns length</c>, <c>batch size</c>).</summary>
    public string Limit { get; }

    /// <summary>The size the request had.</summary>
    public long Actual { get; }

    /// <summary>The configured maximum.</summary>
    public long Maximum { get; }
}
