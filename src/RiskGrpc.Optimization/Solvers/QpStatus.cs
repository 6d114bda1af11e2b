namespace RiskGrpc.Optimization.Solvers;

/// <summary>Outcome of a QP solve.</summary>
public enum QpStatus
{
    /// <summary>KKT conditions hold within tolerance.</summary>
    Optimal = 1,

    /// <summary>No point satisfies the constraints; <see cref="QpSolution.BlockingConstraint"/> names the row that proved it.</summary>
    Infeasible = 2,

    /// <summary>H is not positive definite (the active-set method needs strict convexity).</summary>
    NotPositiveDefinite = 3,

    /// <summary>The iteration limit was reached.</summary>
    IterationLimit = 4,
}
