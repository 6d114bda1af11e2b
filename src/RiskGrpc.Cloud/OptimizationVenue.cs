namespace RiskGrpc.Cloud;

/// <summary>The engine that computed a result's weights.</summary>
public enum OptimizationVenue
{
    /// <summary>RiskGrpc's own engine.</summary>
    Local = 1,

    /// <summary>The Portfolio Optimizer web API, its answer validated locally.</summary>
    Cloud = 2,
}
