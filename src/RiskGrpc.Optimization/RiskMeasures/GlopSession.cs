using Google.OrTools.LinearSolver;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// A GLOP simplex holding one linear <see cref="ScenarioModel"/>: rows can be added between solves, and each re-solve
/// starts from the previous basis (GLOP is incremental), which is what makes cutting-plane loops cheap.
/// </summary>
internal sealed class GlopSession : IDisposable
{
    /// <summary>
    /// GLOP parameters for the cut loops (CVaR/CDaR, tail Gini, CDaR risk budgeting), which add rows between solves. Without presolve the previous basis
    /// stays valid for the enlarged LP (presolve rewrites the problem and loses it). Added rows cut off the last
    /// point, which leaves that basis dual feasible, so the dual simplex restarts from it. The rows are scenario returns
    /// and drawdowns of one order of magnitude next to unit slack coefficients, so GLOP's scaling buys no accuracy here
    /// but costs time. The three together measured 2.5-3× faster than GLOP's defaults without presolve on min-CDaR
    /// (perf/results/scenario-risk.md).
    /// </summary>
    public const string CutLoopParameters = "use_preprocessing:false use_dual_simplex:true use_scaling:false";

    private readonly Solver _solver;
    private readonly Variable[] _vars;
    private readonly Objective _objective;

    /// <summary>Copies <paramref name="model"/> (which must have no quadratic terms) into a new GLOP solver with GLOP's text-format <paramref name="parameters"/>.</summary>
    public GlopSession(ScenarioModel model, TimeSpan timeLimit, string parameters = "")
    {
        _solver = Solver.CreateSolver("GLOP") ?? throw new OptimizationException(OptimizationErrorKind.SolverFailed, "the GLOP solver is not available in this OR-Tools build");
        _solver.SetTimeLimit((long)Math.Ceiling(timeLimit.TotalMilliseconds));
        _solver.SetSolverSpecificParametersAsString(parameters);
        var n = model.VariableCount;
        _vars = new Variable[n];
        for (var i = 0; i < n; i++)
        {
            _vars[i] = _solver.MakeNumVar(model.Lower[i], model.Upper[i], string.Empty);
        }

        foreach (var row in model.Rows)
        {
            AddRow(row.Index, row.Coefficients, row.Lower, row.Upper);
        }

        _objective = _solver.Objective();
        for (var i = 0; i < n; i++)
        {
            if (model.Cost[i] != 0)
            {
                _objective.SetCoefficient(_vars[i], model.Cost[i]);
            }
        }

        _objective.SetMinimization();
    }

    /// <summary>Adds the row lo ≤ Σ coefficients·x[index] ≤ hi.</summary>
    public void AddRow(int[] index, double[] coefficients, double lower, double upper)
    {
        var c = _solver.MakeConstraint(lower, upper, string.Empty);
        for (var k = 0; k < index.Length; k++)
        {
            c.SetCoefficient(_vars[index[k]], coefficients[k]);
        }
    }

    /// <summary>Solves (warm from the last basis) and maps the status.</summary>
    public ScenarioSolution Solve()
    {
        var status = _solver.Solve();
        var iterations = (int)Math.Min(int.MaxValue, _solver.Iterations());
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => new ScenarioSolution(ScenarioSolveStatus.Optimal, _vars.Select(v => v.SolutionValue()).ToArray(), _objective.Value(), iterations, "glop"),
            Solver.ResultStatus.INFEASIBLE => new ScenarioSolution(ScenarioSolveStatus.Infeasible, [], double.NaN, iterations, "glop"),
            Solver.ResultStatus.UNBOUNDED => new ScenarioSolution(ScenarioSolveStatus.Unbounded, [], double.NaN, iterations, "glop"),
            Solver.ResultStatus.NOT_SOLVED or Solver.ResultStatus.FEASIBLE => new ScenarioSolution(ScenarioSolveStatus.LimitReached, [], double.NaN, iterations, $"glop ({status})"),
            _ => new ScenarioSolution(ScenarioSolveStatus.Failed, [], double.NaN, iterations, $"glop ({status})"),
        };
    }

    /// <inheritdoc />
    public void Dispose() => _solver.Dispose();
}
