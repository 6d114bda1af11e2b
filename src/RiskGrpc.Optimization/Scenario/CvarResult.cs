namespace RiskGrpc.Optimization.Scenario;

/// <summary>Minimum-CVaR portfolio.</summary>
/// <param name="Weights">One weight per asset.</param>
/// <param name="ValueAtRisk">α at the optimum (per period, a loss is positive).</param>
/// <param name="ConditionalValueAtRisk">α + Σ max(−rₜᵀw − α, 0) / (T(1 − β)), per period.</param>
/// <param name="Iterations">Interior-point iterations.</param>
public sealed record CvarResult(double[] Weights, double ValueAtRisk, double ConditionalValueAtRisk, int Iterations);
