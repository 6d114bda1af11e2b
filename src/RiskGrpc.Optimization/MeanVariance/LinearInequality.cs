namespace RiskGrpc.Optimization.MeanVariance;

/// <summary>A general linear limit <c>Σᵢ Coefficients[i]·wᵢ ≤ Bound</c>.</summary>
/// <param name="Name">Label used in diagnostics and errors.</param>
/// <param name="Coefficients">One coefficient per asset.</param>
/// <param name="Bound">Right-hand side.</param>
public sealed record LinearInequality(string Name, IReadOnlyList<double> Coefficients, double Bound);
