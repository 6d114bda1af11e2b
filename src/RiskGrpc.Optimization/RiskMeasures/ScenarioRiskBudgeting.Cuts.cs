using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// CDaR risk budgeting by cuts: the separable log term is an epigraph tᵢ ≤ ln xᵢ outer-approximated by tangents
/// tᵢ ≤ ln zᵢ + (xᵢ − zᵢ)/zᵢ on one warm-started GLOP model; each LP point adds the tangents at its own xᵢ, and the loop
/// stops when the LP bound is within 1e-12 of F at the LP point (every LP point is feasible) or every violated tangent
/// lies within a relative 1e-9 of an existing one, so the answer is optimal for the true problem to that gap.
/// </summary>
internal static partial class ScenarioRiskBudgeting
{
    private const string CutsEngine = "glop (risk-budgeting cuts)";
    private const int MaxRounds = 500;
    private const double Gap = 1e-12;
    private const double MinSpacing = 1e-9;
    private const double TangentFloor = 1e-4;

    /// <summary>Floor of the scaled weights (the log keeps the optimum far above it; checked).</summary>
    private const double ScaleFloor = 1e-9;

    private static (double[] X, int Iterations) SolveByCuts(double[,] returns, double alpha, double[] b, double k, TimeSpan timeLimit)
    {
        var n = returns.GetLength(1);
        var model = ScenarioModelBuilder.Create(returns, new PortfolioConstraints(n, ScaleFloor * k, ScaleCap * k), RiskMeasure.ConditionalDrawdownAtRisk, alpha, homogenised: false, budget: false);
        model.Model.AddCost(model.Risk, 1);
        var w = model.W;
        var t = new int[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = model.Model.AddVariable(double.NegativeInfinity, Math.Log(ScaleCap * k));
            model.Model.Cost[t[i]] = -b[i];
        }

        // The model itself carries the cuts, so a GLOP session that loses its warm basis (ABNORMAL after many nearly
        // parallel tangents) is rebuilt once from scratch before giving up.
        for (var i = 0; i < n; i++)
        {
            AddTangent(model.Model, w[i], t[i], k);
        }

        var points = Enumerable.Range(0, n).Select(_ => new List<double> { k }).ToArray();
        // GLOP's presolve turns the stacked tangents ABNORMAL after ~12 rounds, and with its default (primal, scaled) simplex
        // n = 100, T = 1000 still ended ABNORMAL after 14 rounds; the cut-loop parameters solve every round (measured).
        var glop = new GlopSession(model.Model, timeLimit, GlopSession.CutLoopParameters);
        try
        {
            var iterations = 0;
            var rebuilt = false;
            for (var round = 0; round < MaxRounds; round++)
            {
                var s = glop.Solve();
                iterations += s.Iterations;
                if (s.Status == ScenarioSolveStatus.Failed && !rebuilt)
                {
                    glop.Dispose();
                    glop = new GlopSession(model.Model, timeLimit, GlopSession.CutLoopParameters);
                    rebuilt = true;
                    s = glop.Solve();
                    iterations += s.Iterations;
                }

                if (s.Status != ScenarioSolveStatus.Optimal)
                {
                    throw new OptimizationException(s.Status == ScenarioSolveStatus.LimitReached ? OptimizationErrorKind.SolverLimitReached : OptimizationErrorKind.SolverFailed, $"{s.Engine} stopped in risk budgeting after {round} rounds of cuts");
                }

                var x = w.Select(i => s.X[i]).ToArray();
                var gap = 0.0;
                for (var i = 0; i < n; i++)
                {
                    gap += b[i] * (s.X[t[i]] - Math.Log(x[i]));
                }

                var added = false;
                for (var i = 0; i < n; i++)
                {
                    // A tangent within a relative 1e-9 of an existing one leaves at most bᵢ·(1e-9)²/2 of gap on asset i,
                    // and adding it makes the LP nearly degenerate (GLOP reports ABNORMAL), so it is skipped.
                    if (s.X[t[i]] - Math.Log(x[i]) > Gap && points[i].TrueForAll(z => Math.Abs(x[i] - z) > MinSpacing * z))
                    {
                        // Any z > 0 gives a valid tangent; a floor keeps the slope 1/z bounded while x is far from optimal.
                        var z = Math.Max(x[i], TangentFloor * k);
                        points[i].Add(z);
                        AddTangent(model.Model, w[i], t[i], z);
                        var row = model.Model.Rows[^1];
                        glop.AddRow(row.Index, row.Coefficients, row.Lower, row.Upper);
                        added = true;
                    }
                }

                if (gap <= Gap || !added)
                {
                    if (x.Any(v => v >= ScaleCap * k * (1 - 1e-9) || v <= ScaleFloor * k * (1 + 1e-9)))
                    {
                        throw new OptimizationException(OptimizationErrorKind.Infeasible, "risk budgeting with CDaR has no finite solution on these scenarios", "risk_measure");
                    }

                    return (x, iterations);
                }
            }
        }
        finally
        {
            glop.Dispose();
        }

        throw new OptimizationException(OptimizationErrorKind.SolverLimitReached, $"risk budgeting did not close its gap within {MaxRounds} rounds of cuts");
    }

    /// <summary>tᵢ ≤ ln z + (xᵢ − z)/z, i.e. tᵢ − xᵢ/z ≤ ln z − 1.</summary>
    private static void AddTangent(ScenarioModel model, int x, int t, double z) =>
        model.AddRow([t, x], [1, -1 / z], double.NegativeInfinity, Math.Log(z) - 1, "log tangent");
}
