namespace RiskGrpc.Optimization.Solvers;

/// <summary>The QP solvers this library ships, exposed through <see cref="IQuadraticProgramSolver"/>.</summary>
public static class QuadraticProgramSolvers
{
    /// <summary>Goldfarb-Idnani dual active set (exact active sets; needs a positive-definite Hessian). The default.</summary>
    public static IQuadraticProgramSolver GoldfarbIdnani { get; } = new GoldfarbIdnaniSolver();

    /// <summary>
    /// The default: the bound-and-one-equality fast path (<c>box-active-set</c>, a primal active-set method) when the problem
    /// has that shape, Goldfarb-Idnani otherwise. Diagnostics name the engine that actually solved.
    /// </summary>
    public static IQuadraticProgramSolver Default { get; } = new BoxActiveSetSolver(GoldfarbIdnani);

    /// <summary>Primal-dual interior point (Mehrotra predictor-corrector); the cross-check. Accepts a semidefinite Hessian.</summary>
    public static IQuadraticProgramSolver InteriorPoint { get; } = new InteriorPointSolver();
}
