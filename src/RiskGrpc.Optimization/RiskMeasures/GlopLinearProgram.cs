namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// The adapter to Google OR-Tools' GLOP simplex: copies a linear <see cref="ScenarioModel"/> into an MPSolver, solves it and
/// maps the status. GLOP is exact (a simplex), so zero weights come out as exact vertices.
/// </summary>
internal static class GlopLinearProgram
{
    /// <summary>Solves <paramref name="model"/> (which must have no quadratic terms) within <paramref name="timeLimit"/>.</summary>
    public static ScenarioSolution Solve(ScenarioModel model, TimeSpan timeLimit)
    {
        using var session = new GlopSession(model, timeLimit);
        return session.Solve();
    }
}
