namespace RiskGrpc.Cloud;

/// <summary>Where an optimization is computed (mirrors the proto's <c>OptimizationRouting</c>).</summary>
public enum CloudRouting
{
    /// <summary>The configured default (<see cref="CloudOptimizerOptions.DefaultRouting"/>; local without a cloud).</summary>
    Unspecified = 0,

    /// <summary>The local engine only.</summary>
    Local = 1,

    /// <summary>The cloud only: a <see cref="CloudUnavailableException"/> when it cannot answer.</summary>
    Cloud = 2,

    /// <summary>The cloud when it can serve the request, the local engine otherwise.</summary>
    Auto = 3,
}
