namespace RiskGrpc.Optimization.Portfolios;

/// <summary>The allocation methods <see cref="PortfolioOptimizer"/> offers (CLI names in brackets).</summary>
public enum OptimizationMethod
{
    /// <summary>Minimum volatility [min-volatility].</summary>
    MinVolatility = 1,

    /// <summary>Maximum Sharpe ratio [max-sharpe].</summary>
    MaxSharpe = 2,

    /// <summary>Maximum quadratic utility μᵀw − (δ/2)wᵀSw [max-quadratic-utility].</summary>
    MaxQuadraticUtility = 3,

    /// <summary>Minimum volatility for a target return [efficient-return].</summary>
    EfficientReturn = 4,

    /// <summary>Maximum return for a target volatility [efficient-risk].</summary>
    EfficientRisk = 5,

    /// <summary>Maximum diversification ratio [max-diversification].</summary>
    MaxDiversification = 6,

    /// <summary>Variance risk budgeting, equal budgets by default [risk-parity].</summary>
    RiskParity = 7,

    /// <summary>Hierarchical risk parity [hrp].</summary>
    Hrp = 8,

    /// <summary>Hierarchical equal risk contribution [herc].</summary>
    Herc = 9,

    /// <summary>wᵢ ∝ 1/σᵢ [inverse-volatility].</summary>
    InverseVolatility = 10,

    /// <summary>wᵢ ∝ 1/σᵢ² [inverse-variance].</summary>
    InverseVariance = 11,

    /// <summary>wᵢ = 1/N [equal-weight].</summary>
    EqualWeight = 12,

    /// <summary>Minimum historical CVaR of the return scenarios (rows without missing values) [min-cvar].</summary>
    MinCvar = 13,

    /// <summary>Supervised k*-NN: the neighbours' ex-post optimal portfolios at the latest date [supervised-knn].</summary>
    SupervisedKnn = 30,
}
