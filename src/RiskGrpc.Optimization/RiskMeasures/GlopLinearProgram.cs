using Google.OrTools.LinearSolver;

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
        using var solver = Solver.CreateSolver("GLOP") ?? throw new OptimizationException(OptimizationErrorKind.SolverFailed, "the GLOP solver is not available in this OR-Tools build");
        solver.SetTimeLimit((long)Math.Ceiling(timeLimit.TotalMilliseconds));
        var n = model.VariableCount;
        var vars = new Variable[n];
        for (var i = 0; i < n; i++)
        {
            vars[i] = solver.MakeNumVar(model.Lower[i], model.Upper[i], string.Empty);
        }

        foreach (var row in model.Rows)
        {
            var c = solver.MakeConstraint(row.Lower, row.Upper, string.Empty);
            for (var k = 0; k < row.Index.Length; k++)
            {
                c.SetCoefficient(vars[row.Index[k]], row.Coefficients[k]);
            }
        }

        var objective = solver.Objective();
        for (var i = 0; i < n; i++)
        {
            if (model.Cost[i] != 0)
            {
                objective.SetCoefficient(vars[i], model.Cost[i]);
            }
        }

        objective.SetMinimization();
        var status = solver.Solve();
        var iterations = (int)Math.Min(int.MaxValue, solver.Iterations());
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => new ScenarioSolution(ScenarioSolveStatus.Optimal, vars.Select(v => v.SolutionValue()).ToArray(), objective.Value(), iterations, "glop"),
            Solver.ResultStatus.INFEASIBLE => new ScenarioSolution(ScenarioSolveStatus.Infeasible, [], double.NaN, iterations, "glop"),
            Solver.ResultStatus.UNBOUNDED => new ScenarioSolution(ScenarioSolveStatus.Unbounded, [], double.NaN, iterations, "glop"),
            Solver.ResultStatus.NOT_SOLVED or Solver.ResultStatus.FEASIBLE => new ScenarioSolution(ScenarioSolveStatus.LimitReached, [], double.NaN, iterations, $"glop ({status})"),
            _ => new ScenarioSolution(ScenarioSolveStatus.Failed, [], double.NaN, iterations, $"glop ({status})"),
        };
    }
}
