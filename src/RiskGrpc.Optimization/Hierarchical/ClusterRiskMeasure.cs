namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>Risk of a cluster in HRP/HERC: that of its naive portfolio (weights ∝ inverse risk of each asset alone).</summary>
public enum ClusterRiskMeasure
{
    /// <summary>Naive weights ∝ 1/σᵢ², cluster risk wᵀΣw.</summary>
    Variance = 1,

    /// <summary>Naive weights ∝ 1/σᵢ, cluster risk √(wᵀΣw).</summary>
    Volatility = 2,
}
