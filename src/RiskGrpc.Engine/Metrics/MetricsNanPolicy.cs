namespace RiskGrpc.Engine.Metrics;

/// <summary>How NaN values in returns or benchmark are treated. ±Infinity is always rejected.</summary>
public enum MetricsNanPolicy
{
    /// <summary>A NaN is a validation error naming the first bad index.</summary>
    Reject = 0,

    /// <summary>
    /// Rows holding a NaN are dropped: returns-only metrics use the rows where the return is present,
    /// benchmark-relative metrics the rows where both sides are present.
    /// </summary>
    Skip = 1,

    /// <summary>A NaN is a zero return (as QuantStats does).</summary>
    Zero = 2,
}
