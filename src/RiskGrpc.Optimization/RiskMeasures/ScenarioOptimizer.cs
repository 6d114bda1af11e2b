using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Optimises any LP or root-quadratic <see cref="RiskMeasure"/> over scenarios with any <see cref="RiskObjective"/> and the
/// portfolio constraints. LP measures run on GLOP (<see cref="GlopLinearProgram"/>); semi-deviation, SLPM and the ulcer
/// index on the interior point (<see cref="ScenarioQuadraticProgram"/>), where utility and efficient-risk become a 1-D
/// search over ν in min ν·ρ(w)² − μᵀw. Errors: infeasible → <see cref="OptimizationErrorKind.Infeasible"/> (or a more
/// precise kind) naming the binding constraint; unbounded → INVALID_ARGUMENT on the bounds; solver limits →
/// <see cref="OptimizationErrorKind.SolverLimitReached"/>; EVaR/EDaR → <see cref="OptimizationErrorKind.UnsupportedRiskMeasure"/>.
/// </summary>
public static partial class ScenarioOptimizer
{
    /// <summary>Solves <paramref name="problem"/>.</summary>
    public static PortfolioWeights Optimize(ScenarioProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var c = Validate(problem);
        var p = problem with { Constraints = c };
        var root = RiskMeasureInfo.IsRootQuadratic(p.Measure);
        return p.Objective switch
        {
            RiskObjective.MinRisk => MinimizeRisk(p, homogenised: false, extra: null),
            RiskObjective.EfficientReturn => MinimizeRisk(p, homogenised: false, extra: b => b.AddPortfolioRow(Enumerable.Range(0, p.ExpectedReturns!.Length).ToArray(), p.ExpectedReturns, p.TargetReturn!.Value, double.PositiveInfinity, "target_return")),
            RiskObjective.MaxRatio => MinimizeRisk(p, homogenised: true, extra: b => b.Model.AddRow([.. b.W, b.K], [.. p.ExpectedReturns!, -p.RiskFreeRate], 1, 1, "ratio normalisation")),
            RiskObjective.MaxUtility when root => RootQuadraticUtility(p),
            RiskObjective.EfficientRisk when root => RootQuadraticEfficientRisk(p),
            RiskObjective.MaxUtility => LinearUtility(p),
            _ => LinearEfficientRisk(p),
        };
    }

    private static PortfolioWeights MinimizeRisk(ScenarioProblem p, bool homogenised, Action<ScenarioModelBuilder>? extra) =>
        BuildAndSolve(p, homogenised, b =>
        {
            extra?.Invoke(b);
            b.Model.AddCost(b.Risk, 1);
        });

    private static PortfolioWeights LinearUtility(ScenarioProblem p) => BuildAndSolve(p, homogenised: false, b =>
    {
        b.Model.AddCost(b.Risk, p.RiskAversion);
        AddReturnCost(b, p.ExpectedReturns!, -1);
    });

    private static PortfolioWeights LinearEfficientRisk(ScenarioProblem p) => BuildAndSolve(p, homogenised: false, b =>
    {
        b.Model.AddRow([.. b.Risk.Index], [.. b.Risk.Coefficients], double.NegativeInfinity, p.RiskCap!.Value, "target_risk");
        AddReturnCost(b, p.ExpectedReturns!, -1);
    });

    /// <summary>
    /// Builds the model, lets <paramref name="configure"/> add the objective's rows and costs, and solves; CVaR and CDaR
    /// loop over <see cref="TailCuts"/>, tail Gini over <see cref="OwaCuts"/>, on one GLOP session, adding the violated
    /// pieces as rows and re-solving from the last basis (dual simplex), until no omitted piece is violated.
    /// </summary>
    private static PortfolioWeights BuildAndSolve(ScenarioProblem p, bool homogenised, Action<ScenarioModelBuilder> configure)
    {
        var cuts = TailCuts.Applies(p.Measure) ? new TailCuts(p.Returns, p.Measure, p.Alpha) : null;
        var owa = OwaCuts.Applies(p.Measure) ? new OwaCuts(p.Returns, OwaWeights.TailGini(p.Returns.GetLength(0), p.Alpha)) : null;
        var b = ScenarioModelBuilder.Create(p.Returns, p.Constraints!, p.Measure, p.Alpha, homogenised, cuts: cuts, owaCuts: owa);
        configure(b);
        if (cuts is null && owa is null)
        {
            return Solve(p, b);
        }

        using var glop = new GlopSession(b.Model, p.TimeLimit, GlopSession.CutLoopParameters);
        var iterations = 0;
        for (var round = 0; ; round++)
        {
            var s = glop.Solve();
            iterations += s.Iterations;
            if (s.Status != ScenarioSolveStatus.Optimal)
            {
                return Result(p, b, s with { Iterations = iterations });
            }

            var y = b.W.Select(i => s.X[i]).ToArray();
            var rows = new List<ScenarioModelRow>();
            if (owa is not null)
            {
                var (g, value, isNew) = owa.Piece(y);
                if (isNew && value - s.X[b.OwaRisk] > OwaCuts.Tolerance * (1 + Math.Abs(value)))
                {
                    if (round >= OwaCuts.MaxCuts)
                    {
                        throw new OptimizationException(OptimizationErrorKind.SolverLimitReached, $"glop: the {RiskMeasureInfo.Name(p.Measure)} cuts did not close their gap within {OwaCuts.MaxCuts} rounds");
                    }

                    rows.Add(b.AddOwaPiece(g));
                }
            }
            else
            {
                foreach (var (peak, t) in cuts!.AddViolated(y, s.X[b.TailZeta], u => s.X[b.TailSlackStart + u], p.Alpha))
                {
                    rows.Add(b.AddTailPiece(cuts, peak, t));
                }
            }

            if (rows.Count == 0)
            {
                return Result(p, b, s with { Iterations = iterations });
            }

            foreach (var row in rows)
            {
                glop.AddRow(row.Index, row.Coefficients, row.Lower, row.Upper);
            }
        }
    }

    private static void AddReturnCost(ScenarioModelBuilder b, double[] mu, double scale)
    {
        for (var i = 0; i < mu.Length; i++)
        {
            b.Model.Cost[b.W[i]] += scale * mu[i];
        }
    }

    private static PortfolioWeights Solve(ScenarioProblem p, ScenarioModelBuilder b) => Result(p, b, SolveModel(p, b.Model));

    private static PortfolioWeights Result(ScenarioProblem p, ScenarioModelBuilder b, ScenarioSolution s)
    {
        return s.Status switch
        {
            ScenarioSolveStatus.Optimal => new PortfolioWeights(b.Weights(s.X), s.Engine, s.Iterations, ActiveConstraints(b.Weights(s.X), p.Constraints!)),
            ScenarioSolveStatus.Infeasible => throw Diagnose(p),
            ScenarioSolveStatus.Unbounded => throw Guard.Invalid($"the {p.Objective} problem is unbounded: give finite weight bounds", "bounds"),
            ScenarioSolveStatus.LimitReached => throw new OptimizationException(OptimizationErrorKind.SolverLimitReached, $"{s.Engine} stopped at its limit after {s.Iterations} iterations"),
            _ => throw new OptimizationException(OptimizationErrorKind.SolverFailed, $"{s.Engine} failed after {s.Iterations} iterations"),
        };
    }

    private static ScenarioSolution SolveModel(ScenarioProblem p, ScenarioModel model) =>
        model.IsQuadratic ? ScenarioQuadraticProgram.Solve(model) : GlopLinearProgram.Solve(model, p.TimeLimit);

    /// <summary>Names of the bounds, groups and inequalities active at <paramref name="w"/> (within 1e-9).</summary>
    internal static IReadOnlyList<string> ActiveConstraints(double[] w, PortfolioConstraints c)
    {
        const double tol = 1e-9;
        var active = new List<string> { "budget" };
        for (var i = 0; i < w.Length; i++)
        {
            if (Math.Abs(w[i] - c.LowerBounds[i]) <= tol)
            {
                active.Add($"lower bound of asset {i}");
            }
            else if (Math.Abs(w[i] - c.UpperBounds[i]) <= tol)
            {
                active.Add($"upper bound of asset {i}");
            }
        }

        foreach (var g in c.Groups)
        {
            var sum = g.Members.Sum(m => w[m]);
            if (Math.Abs(sum - g.Lower) <= tol || Math.Abs(sum - g.Upper) <= tol)
            {
                active.Add($"group '{g.Name}'");
            }
        }

        foreach (var ineq in c.Inequalities)
        {
            if (Math.Abs(ineq.Coefficients.Select((a, i) => a * w[i]).Sum() - ineq.Bound) <= tol)
            {
                active.Add($"inequality '{ineq.Name}'");
            }
        }

        return active;
    }
}
