using RiskGrpc.Optimization.Solvers;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Solves a <see cref="ScenarioModel"/> with a diagonal quadratic objective (semi-deviation, SLPM, ulcer index) on the
/// library's Goldfarb-Idnani dual active set, the weights' zero Hessian diagonal regularised by 1e-10·max q. Measured
/// 10–100× faster than the dense interior point at equal or better accuracy (perf/results/scenario-risk.md).
/// </summary>
internal static class ScenarioQuadraticProgram
{
    // ε·max qᵢ on the weights' zero diagonal makes the Hessian positive definite for Goldfarb-Idnani; the perturbation of
    // ρ² is ~1e-10 relative (the optima matched SLSQP to 1e-14 on the reference data).
    private const double Regularisation = 1e-10;

    /// <summary>Solves <paramref name="model"/>.</summary>
    public static ScenarioSolution Solve(ScenarioModel model)
    {
        var n = model.VariableCount;
        var hessian = new double[n * n];
        var qMax = model.Quadratic.Max();
        for (var i = 0; i < n; i++)
        {
            hessian[(i * n) + i] = Math.Max(2 * model.Quadratic[i], Regularisation * qMax);
        }

        var qp = new QuadraticProgram(hessian, model.Cost.ToArray());
        for (var i = 0; i < n; i++)
        {
            qp.LowerBounds[i] = model.Lower[i];
            qp.UpperBounds[i] = model.Upper[i];
        }

        foreach (var row in model.Rows)
        {
            var dense = new double[n];
            for (var k = 0; k < row.Index.Length; k++)
            {
                dense[row.Index[k]] += row.Coefficients[k];
            }

            if (row.Lower == row.Upper)
            {
                qp.AddEquality(dense, row.Lower, row.Name);
                continue;
            }

            if (double.IsFinite(row.Lower))
            {
                qp.AddGreaterOrEqual(dense, row.Lower, row.Name);
            }

            if (double.IsFinite(row.Upper))
            {
                qp.AddLessOrEqual(dense, row.Upper, row.Name);
            }
        }

        var s = QuadraticProgramSolvers.GoldfarbIdnani.Solve(qp);
        return s.Status switch
        {
            QpStatus.Optimal => new ScenarioSolution(ScenarioSolveStatus.Optimal, s.X, s.Objective, s.Iterations, s.Solver),
            QpStatus.Infeasible => new ScenarioSolution(ScenarioSolveStatus.Infeasible, [], double.NaN, s.Iterations, s.Solver),
            QpStatus.IterationLimit => new ScenarioSolution(ScenarioSolveStatus.LimitReached, [], double.NaN, s.Iterations, $"{s.Solver} ({s.Status})"),
            _ => new ScenarioSolution(ScenarioSolveStatus.Failed, [], double.NaN, s.Iterations, $"{s.Solver} ({s.Status})"),
        };
    }
}
