using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.Hierarchical;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Portfolios;

/// <summary>
/// Everything <see cref="PortfolioOptimizer"/> needs: either <see cref="Returns"/> (estimators then build μ and S) or
/// <see cref="ExpectedReturns"/> plus <see cref="Covariance"/> (annualised), the method and its parameters, constraints.
/// </summary>
public sealed record OptimizationRequest
{
    /// <summary>Asset names, in the order of every vector and matrix.</summary>
    public required IReadOnlyList<string> Assets { get; init; }

    /// <summary>Periodic simple returns (rows × assets, NaN = missing); null when μ and S are given.</summary>
    public AssetTable? Returns { get; init; }

    /// <summary>Annualised expected returns (required by return-aware methods when <see cref="Returns"/> is null).</summary>
    public double[]? ExpectedReturns { get; init; }

    /// <summary>Annualised covariance (required when <see cref="Returns"/> is null).</summary>
    public double[,]? Covariance { get; init; }

    /// <summary>μ estimator for <see cref="Returns"/>.</summary>
    public ExpectedReturnsMethod ExpectedReturnsMethod { get; init; } = ExpectedReturnsMethod.GeometricMean;

    /// <summary>S estimator for <see cref="Returns"/>.</summary>
    public CovarianceMethod CovarianceMethod { get; init; } = CovarianceMethod.Sample;

    /// <summary>Periods per year used to annualise (252 for daily).</summary>
    public double PeriodsPerYear { get; init; } = 252;

    /// <summary>The allocation method.</summary>
    public OptimizationMethod Method { get; init; } = OptimizationMethod.MinVolatility;

    /// <summary>Annual risk-free rate: Sharpe ratios and the max-Sharpe objective.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Target return for efficient-return.</summary>
    public double? TargetReturn { get; init; }

    /// <summary>Target volatility for efficient-risk.</summary>
    public double? TargetVolatility { get; init; }

    /// <summary>δ for max-quadratic-utility.</summary>
    public double RiskAversion { get; init; } = 1.0;

    /// <summary>Constraints for the QP methods; null = long only, fully invested. Hierarchical methods use only bounds.</summary>
    public PortfolioConstraints? Constraints { get; init; }

    /// <summary>Risk budgets for risk-parity (null = equal).</summary>
    public double[]? RiskBudgets { get; init; }

    /// <summary>Linkage for HRP/HERC.</summary>
    public LinkageMethod Linkage { get; init; } = LinkageMethod.Single;

    /// <summary>Apply optimal leaf ordering in HRP.</summary>
    public bool OptimalLeafOrdering { get; init; }

    /// <summary>Cluster risk for HRP/HERC.</summary>
    public ClusterRiskMeasure ClusterRisk { get; init; } = ClusterRiskMeasure.Variance;

    /// <summary>Number of clusters for HERC (required for HERC).</summary>
    public int? ClusterCount { get; init; }

    /// <summary>Confidence β of min-cvar (0.95 = average of the worst 5% of scenarios).</summary>
    public double CvarBeta { get; init; } = 0.95;

    /// <summary>Report every scenario risk measure of the weights (on the complete rows of <see cref="Returns"/>) in the result.</summary>
    public bool EvaluateRiskMeasures { get; init; } = true;

    /// <summary>Settings of supervised-knn; null means the reference configuration.</summary>
    public Supervised.SupervisedKnnOptions? SupervisedKnn { get; init; }

    /// <summary>
    /// Risk measure of the risk-aware methods (min-volatility = min risk, max-sharpe = max ratio, max-quadratic-utility,
    /// efficient-return, efficient-risk, risk-parity, hrp, herc). Variance keeps the mean-variance engine; the scenario
    /// measures use the complete rows of <see cref="Returns"/>, μ and r_f per period (annual ÷ <see cref="PeriodsPerYear"/>).
    /// </summary>
    public RiskMeasure RiskMeasure { get; init; } = RiskMeasure.Variance;

    /// <summary>Tail significance α of the scenario measures (0.05 = worst 5 %).</summary>
    public double Alpha { get; init; } = ScenarioRisk.DefaultAlpha;

    /// <summary>Risk cap of efficient-risk for a scenario measure, per period in the measure's units.</summary>
    public double? TargetRisk { get; init; }

    /// <summary>Optional Black-Litterman prior and views.</summary>
    public BlackLittermanViews? BlackLitterman { get; init; }

    /// <summary>QP engine: <c>auto</c> (box active set when the shape allows, else Goldfarb-Idnani), <c>goldfarb-idnani</c> or <c>interior-point</c>.</summary>
    public string Solver { get; init; } = "auto";
}
