namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// Solves a dense convex <see cref="QuadraticProgram"/>. Implementations report infeasibility and failures through
/// <see cref="QpSolution.Status"/>; they never return a feasible-looking substitute.
/// </summary>
public interface IQuadraticProgramSolver
{
    /// <summary>Short engine name reported in diagnostics (e.g. <c>goldfarb-idnani</c>).</summary>
    string Name { get; }

    /// <summary>Solves <paramref name="problem"/>.</summary>
    QpSolution Solve(QuadraticProgram problem);
}
