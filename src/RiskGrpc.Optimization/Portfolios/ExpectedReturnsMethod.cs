namespace RiskGrpc.Optimization.Portfolios;

/// <summary>Which expected-returns estimator turns a returns matrix into μ.</summary>
public enum ExpectedReturnsMethod
{
    /// <summary>Geometric mean as PyPortfolioOpt (the default).</summary>
    GeometricMean = 1,

    /// <summary>Arithmetic mean.</summary>
    Mean = 2,

    /// <summary>Exponentially weighted mean (span 500 by default).</summary>
    ExponentiallyWeighted = 3,
}
