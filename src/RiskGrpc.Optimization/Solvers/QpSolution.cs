namespace RiskGrpc.Optimization.Solvers;

/// <summary>Result of <see cref="IQuadraticProgramSolver.Solve"/>. <see cref="X"/> is meaningful only when <see cref="Status"/> is Optimal.</summary>
public sealed class QpSolution
{
    /// <summary>Creates a solution record.</summary>
    public QpSolution(QpStatus status, double[] x, double objective, int iterations, IReadOnlyList<ActiveConstraint> active, string solver, string? blockingConstraint = null)
    {
        Status = status;
        X = x;
        Objective = objective;
        Iterations = iterations;
        Active = active;
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

    /// <summary>Constraints active at the solution (equalities included) with their multipliers.</summary>
    public IReadOnlyList<ActiveConstraint> Active { get; }

    /// <summary>Names of <see cref="Active"/>.</summary>
    public IReadOnlyList<string> ActiveConstraints => Active.Select(a => a.Name).ToArray();

    /// <summary>Which solver produced this result.</summary>
    public string Solver { get; }

    /// <summary>For <see cref="QpStatus.Infeasible"/>: the constraint that could not be satisfied.</summary>
    public string? BlockingConstraint { get; }
}
