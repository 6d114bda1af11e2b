namespace RiskGrpc.Optimization.Solvers;

/// <summary>Result of <see cref="IQuadraticProgramSolver.Solve"/>. <see cref="X"/> is meaningful only when <see cref="Status"/> is Optimal.</summary>
public sealed class QpSolution
{
    /// <summary>Creates a solution record.</summary>
    public QpSolution(QpStatus status, double[] x, double objective, int iterations, IReadOnlyList<string> activeConstraints, string solver, string? blockingConstraint = null)
    {
        Status = status;
        X = x;
        Objective = objective;
        Iterations = iterations;
        ActiveConstraints = activeConstraints;
        Solver = solver;
        BlockingConstraint = blockingConstraint;
    }

    /// <summary>Outcome.</summary>
    public QpStatus Status { get; }

    /// <summary>The minimiser x (length n).</summary>
    public double[] X { get; }

    /// <summary><c>½ xᵀHx + gᵀx</c> at <see cref="X"/>.</summary>
    public double Objective { get; }

    /// <summary>Active-set changes (Goldfarb-Idnani) or Newton steps (interior point).</summary>
    public int Iterations { get; }

    /// <summary>Names of the constraints active at the solution (equalities included).</summary>
    public IReadOnlyList<string> ActiveConstraints { get; }

    /// <summary>Which solver produced this result.</summary>
    public string Solver { get; }

    /// <summary>For <see cref="QpStatus.Infeasible"/>: the constraint that could not be satisfied.</summary>
    public string? BlockingConstraint { get; }
}
