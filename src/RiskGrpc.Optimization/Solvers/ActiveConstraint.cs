namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// A constraint active at a QP solution with its Lagrange multiplier: at the optimum
/// <c>Hx + g = Σ multiplier·normal</c> over active constraints, multipliers of inequalities and bounds ≥ 0.
/// Normals: equality/inequality row <c>a</c>; lower bound <c>+eᵢ</c>; upper bound <c>−eᵢ</c>.
/// </summary>
/// <param name="Name">Diagnostic name.</param>
/// <param name="Kind">Which list <paramref name="Index"/> refers to.</param>
/// <param name="Index">Row of <see cref="QuadraticProgram.Equalities"/>/<see cref="QuadraticProgram.Inequalities"/>, or the variable of a bound.</param>
/// <param name="Multiplier">Lagrange multiplier.</param>
public sealed record ActiveConstraint(string Name, ActiveConstraintKind Kind, int Index, double Multiplier);
