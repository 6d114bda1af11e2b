namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Scenario risk measures of a portfolio return series xₜ = rₜᵀw (t = 1..T), with Riskfolio-Lib's definitions (CLI names
/// in brackets). Drawdowns are on uncompounded cumulative returns: u₀ = 0, uₜ = max(uₜ₋₁ − xₜ, 0). α is the tail
/// significance level (0.05 = worst 5 %). All values are per period (not annualised) and positive for risk.
/// </summary>
public enum RiskMeasure
{
    /// <summary>Sample variance Σ(xₜ − x̄)²/(T − 1) [variance].</summary>
    Variance = 1,

    /// <summary>Sample standard deviation √variance [volatility].</summary>
    Volatility = 2,

    /// <summary>Mean absolute deviation Σ|xₜ − x̄|/T [mad].</summary>
    Mad = 3,

    /// <summary>Semi standard deviation √(Σ max(x̄ − xₜ, 0)²/(T − 1)) [semi-deviation].</summary>
    SemiDeviation = 4,

    /// <summary>First lower partial moment Σ max(−xₜ, 0)/T, MAR = 0 [flpm].</summary>
    FirstLowerPartialMoment = 5,

    /// <summary>Second lower partial moment √(Σ max(−xₜ, 0)²/(T − 1)), MAR = 0 [slpm].</summary>
    SecondLowerPartialMoment = 6,

    /// <summary>Historical CVaR: VaR + Σ max(−xₜ − VaR, 0)/(αT), VaR the ⌈αT⌉-th largest loss [cvar].</summary>
    ConditionalValueAtRisk = 7,

    /// <summary>CVaR range: CVaRα(x) plus the mean of the best ⌈αT⌉ returns (OWA weights) [cvar-range].</summary>
    ConditionalValueAtRiskRange = 8,

    /// <summary>Worst realization max(−xₜ) [worst-realization].</summary>
    WorstRealization = 9,

    /// <summary>Range max xₜ − min xₜ [range].</summary>
    Range = 10,

    /// <summary>Maximum drawdown maxₜ uₜ [max-drawdown].</summary>
    MaxDrawdown = 11,

    /// <summary>Average drawdown Σuₜ/T [average-drawdown].</summary>
    AverageDrawdown = 12,

    /// <summary>Conditional drawdown at risk: the historical CVaR of the drawdowns uₜ [cdar].</summary>
    ConditionalDrawdownAtRisk = 13,

    /// <summary>Ulcer index √(Σuₜ²/T) [ulcer-index].</summary>
    UlcerIndex = 14,

    /// <summary>Gini mean difference Σ_{i&lt;j} |xᵢ − xⱼ|·2/(T(T − 1)) (OWA weights 2(2i − 1 − T)/(T(T − 1))) [gini].</summary>
    GiniMeanDifference = 15,

    /// <summary>Tail Gini: Riskfolio's OWA combination of 100 CVaRs at levels from 0.0001 to α [tail-gini].</summary>
    TailGini = 16,

    /// <summary>Entropic VaR inf_{z&gt;0} z·ln(E[exp(−x/z)]/α) [evar]. Evaluation only (needs an exponential cone to optimise).</summary>
    EntropicValueAtRisk = 17,

    /// <summary>Entropic drawdown at risk: EVaR of the drawdowns (xₜ := −uₜ) [edar]. Evaluation only.</summary>
    EntropicDrawdownAtRisk = 18,
}
