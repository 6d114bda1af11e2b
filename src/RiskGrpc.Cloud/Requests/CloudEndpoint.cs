namespace RiskGrpc.Cloud;

/// <summary>The Portfolio Optimizer optimization endpoints the local engine also offers (§4 of the API notes).</summary>
public enum CloudEndpoint
{
    /// <summary><c>…/optimization/minimum-variance</c>.</summary>
    MinimumVariance = 1,

    /// <summary><c>…/optimization/maximum-sharpe-ratio</c> (riskFreeRate required).</summary>
    MaximumSharpeRatio = 2,

    /// <summary><c>…/optimization/mean-variance-efficient</c> (exactly one of portfolioReturn, portfolioVolatility, riskTolerance).</summary>
    MeanVarianceEfficient = 3,

    /// <summary><c>…/optimization/equal-risk-contributions</c> (weight bounds only).</summary>
    EqualRiskContributions = 4,

    /// <summary><c>…/optimization/hierarchical-risk-parity</c>.</summary>
    HierarchicalRiskParity = 5,

    /// <summary><c>…/optimization/hierarchical-risk-parity/clustering-based</c>.</summary>
    HierarchicalClusteringBased = 6,

    /// <summary><c>…/optimization/most-diversified</c>.</summary>
    MostDiversified = 7,

    /// <summary><c>…/optimization/equal-weighted</c>.</summary>
    EqualWeighted = 8,

    /// <summary><c>…/optimization/inverse-volatility-weighted</c>.</summary>
    InverseVolatilityWeighted = 9,

    /// <summary><c>…/optimization/inverse-variance-weighted</c>.</summary>
    InverseVarianceWeighted = 10,
}
