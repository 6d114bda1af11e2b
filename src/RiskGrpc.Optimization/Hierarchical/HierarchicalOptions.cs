namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>Settings of HRP and HERC. Distance is √(clip((1 − ρ)/2, 0, 1)) of the supplied correlation.</summary>
public sealed class HierarchicalOptions
{
    /// <summary>Linkage criterion (default single, as PyPortfolioOpt).</summary>
    public LinkageMethod Linkage { get; init; } = LinkageMethod.Single;

    /// <summary>Reorder the dendrogram's leaves to minimise the sum of adjacent distances (Bar-Joseph et al. 2001), as Riskfolio.</summary>
    public bool OptimalLeafOrdering { get; init; }

    /// <summary>How a cluster's risk is measured.</summary>
    public ClusterRiskMeasure ClusterRisk { get; init; } = ClusterRiskMeasure.Variance;

    /// <summary>
    /// Scenario returns (T × n) for a scenario <see cref="ScenarioMeasure"/>: naive weights ∝ 1/ρ(asset alone) and cluster
    /// risk ρ(naive portfolio), Riskfolio HCPortfolio's rule for every measure other than MV/vol.
    /// </summary>
    public double[,]? Scenarios { get; init; }

    /// <summary>A scenario risk measure for the cluster risk; null uses <see cref="ClusterRisk"/> on the covariance.</summary>
    public RiskMeasures.RiskMeasure? ScenarioMeasure { get; init; }

    /// <summary>Tail significance of <see cref="ScenarioMeasure"/>.</summary>
    public double Alpha { get; init; } = RiskMeasures.ScenarioRisk.DefaultAlpha;

    /// <summary>Optional per-asset minimum weights (HRP only; Riskfolio's <c>w_min</c> clamping of the bisection split).</summary>
    public IReadOnlyList<double>? LowerBounds { get; init; }

    /// <summary>Optional per-asset maximum weights (HRP only; Riskfolio's <c>w_max</c>).</summary>
    public IReadOnlyList<double>? UpperBounds { get; init; }
}
