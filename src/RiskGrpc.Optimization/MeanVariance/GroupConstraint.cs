namespace RiskGrpc.Optimization.MeanVariance;

/// <summary>A group (sector) limit <c>Lower ≤ Σᵢ∈Members wᵢ ≤ Upper</c>; an infinite limit is absent.</summary>
/// <param name="Name">Label used in diagnostics and errors.</param>
/// <param name="Members">Asset indices in the group.</param>
/// <param name="Lower">Minimum total weight.</param>
/// <param name="Upper">Maximum total weight.</param>
public sealed record GroupConstraint(string Name, IReadOnlyList<int> Members, double Lower, double Upper);
