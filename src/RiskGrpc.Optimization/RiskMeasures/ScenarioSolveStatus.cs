namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>Outcome of solving a <see cref="ScenarioModel"/>.</summary>
internal enum ScenarioSolveStatus
{
    /// <summary>Solved to optimality.</summary>
    Optimal = 1,

    /// <summary>No point satisfies the rows and bounds.</summary>
    Infeasible = 2,

    /// <summary>The objective is unbounded below.</summary>
    Unbounded = 3,

    /// <summary>A time or iteration limit stopped the solver.</summary>
    LimitReached = 4,

    /// <summary>The solver failed for another reason (numerical trouble, invalid model).</summary>
    Failed = 5,
}
