namespace RiskGrpc.Optimization.Solvers;

/// <summary>One linear constraint row <c>aᵀx (= or ≥) b</c> of a <see cref="QuadraticProgram"/>, with a name for diagnostics.</summary>
/// <param name="Coefficients">The row <c>a</c> (length n).</param>
/// <param name="Bound">The right-hand side <c>b</c>.</param>
/// <param name="Name">A label such as <c>budget</c> or <c>group tech upper</c>, reported in active sets and errors.</param>
public sealed record LinearConstraint(double[] Coefficients, double Bound, string Name);
