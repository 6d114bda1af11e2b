namespace RiskGrpc.Cloud;

/// <summary>
/// Paths of the optimization endpoints relative to <see cref="CloudOptimizerOptions.BaseUrl"/>. The defaults use the
/// plural prefix the live service answered in 2026 (<c>portfolios/…</c>); spec 1.0.9 writes <c>portfolio/…</c>. Each is
/// configurable (<c>RiskGrpc:Cloud:Paths:MinimumVariance</c>, …) because the vendor moved them within v1.
/// </summary>
public sealed class CloudEndpointPaths
{
    /// <summary>Minimum variance.</summary>
    public string MinimumVariance { get; set; } = "portfolios/optimization/minimum-variance";

    /// <summary>Maximum Sharpe ratio.</summary>
    public string MaximumSharpeRatio { get; set; } = "portfolios/optimization/maximum-sharpe-ratio";

    /// <summary>Mean-variance efficient (target return, target volatility or risk tolerance).</summary>
    public string MeanVarianceEfficient { get; set; } = "portfolios/optimization/mean-variance-efficient";

    /// <summary>Equal risk contributions.</summary>
    public string EqualRiskContributions { get; set; } = "portfolios/optimization/equal-risk-contributions";

    /// <summary>Hierarchical risk parity.</summary>
    public string HierarchicalRiskParity { get; set; } = "portfolios/optimization/hierarchical-risk-parity";

    /// <summary>Hierarchical clustering-based risk parity (HCAA/HERC style).</summary>
    public string HierarchicalClusteringBased { get; set; } = "portfolios/optimization/hierarchical-risk-parity/clustering-based";

    /// <summary>Most diversified.</summary>
    public string MostDiversified { get; set; } = "portfolios/optimization/most-diversified";

    /// <summary>Equal weighted.</summary>
    public string EqualWeighted { get; set; } = "portfolios/optimization/equal-weighted";

    /// <summary>Inverse volatility weighted.</summary>
    public string InverseVolatilityWeighted { get; set; } = "portfolios/optimization/inverse-volatility-weighted";

    /// <summary>Inverse variance weighted.</summary>
    public string InverseVarianceWeighted { get; set; } = "portfolios/optimization/inverse-variance-weighted";

    /// <summary>The configured path of <paramref name="endpoint"/>.</summary>
    public string For(CloudEndpoint endpoint) => endpoint switch
    {
        CloudEndpoint.MinimumVariance => MinimumVariance,
        CloudEndpoint.MaximumSharpeRatio => MaximumSharpeRatio,
        CloudEndpoint.MeanVarianceEfficient => MeanVarianceEfficient,
        CloudEndpoint.EqualRiskContributions => EqualRiskContributions,
        CloudEndpoint.HierarchicalRiskParity => HierarchicalRiskParity,
        CloudEndpoint.HierarchicalClusteringBased => HierarchicalClusteringBased,
        CloudEndpoint.MostDiversified => MostDiversified,
        CloudEndpoint.EqualWeighted => EqualWeighted,
        CloudEndpoint.InverseVolatilityWeighted => InverseVolatilityWeighted,
        CloudEndpoint.InverseVarianceWeighted => InverseVarianceWeighted,
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "unknown cloud endpoint"),
    };
}
