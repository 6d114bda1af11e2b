namespace RiskGrpc.Cloud;

/// <summary>
/// One request to a Portfolio Optimizer optimization endpoint in the service's own terms (§5): <c>assets</c> as a count,
/// matrices and vectors positional, weights as fractions, long only, group indexes 1-based. Built by
/// <see cref="CloudRequestMapper"/>, written by <see cref="CloudRequestJson"/>, checked against the answer by <see cref="CloudAnswerValidator"/>.
/// </summary>
public sealed record CloudOptimizationRequest
{
    /// <summary>The endpoint.</summary>
    public required CloudEndpoint Endpoint { get; init; }

    /// <summary>n ≥ 2, the number of assets.</summary>
    public required int Assets { get; init; }

    /// <summary>n×n covariance (<c>assetsCovarianceMatrix</c>); null for equal weighting.</summary>
    public double[,]? Covariance { get; init; }

    /// <summary>Expected arithmetic returns (<c>assetsReturns</c>).</summary>
    public double[]? Returns { get; init; }

    /// <summary>Volatilities (<c>assetsVolatilities</c>, inverse-volatility weighting).</summary>
    public double[]? Volatilities { get; init; }

    /// <summary>Variances (<c>assetsVariances</c>, inverse-variance weighting).</summary>
    public double[]? Variances { get; init; }

    /// <summary><c>riskFreeRate</c> (required by maximum Sharpe).</summary>
    public double? RiskFreeRate { get; init; }

    /// <summary>Lower bound per asset in [0, 1]; null = 0.</summary>
    public double[]? MinimumWeights { get; init; }

    /// <summary>Upper bound per asset in [0, 1]; null = 1.</summary>
    public double[]? MaximumWeights { get; init; }

    /// <summary>Lower bound on Σw. Default 1.</summary>
    public double MinimumExposure { get; init; } = 1;

    /// <summary>Upper bound on Σw. Default 1.</summary>
    public double MaximumExposure { get; init; } = 1;

    /// <summary>Groups as 1-based asset indexes, each with at least two distinct assets.</summary>
    public IReadOnlyList<int[]> Groups { get; init; } = [];

    /// <summary>Cap on the total weight of each group (<c>maximumAssetsGroupsWeights</c>), parallel to <see cref="Groups"/>.</summary>
    public IReadOnlyList<double> GroupCaps { get; init; } = [];

    /// <summary><c>constraints.portfolioReturn</c> (mean-variance efficient).</summary>
    public double? PortfolioReturn { get; init; }

    /// <summary><c>constraints.portfolioVolatility</c> (mean-variance efficient).</summary>
    public double? PortfolioVolatility { get; init; }

    /// <summary><c>constraints.riskTolerance</c> (mean-variance efficient).</summary>
    public double? RiskTolerance { get; init; }

    /// <summary><c>clusteringMethod</c> of the hierarchical endpoints (singleLinkage, averageLinkage, completeLinkage, wardLinkage).</summary>
    public string? ClusteringMethod { get; init; }

    /// <summary><c>clusteringOrdering</c> of HRP (r-hclust or optimal).</summary>
    public string? ClusteringOrdering { get; init; }

    /// <summary><c>clusters</c> of the clustering-based endpoint.</summary>
    public int? Clusters { get; init; }

    /// <summary><c>acrossClusterAllocationMethod</c> and <c>withinClusterAllocationMethod</c> of the clustering-based endpoint.</summary>
    public string? ClusterAllocation { get; init; }

    /// <summary>Lower bound of asset <paramref name="i"/>.</summary>
    public double LowerBound(int i) => MinimumWeights?[i] ?? 0;

    /// <summary>Upper bound of asset <paramref name="i"/>.</summary>
    public double UpperBound(int i) => MaximumWeights?[i] ?? 1;
}
