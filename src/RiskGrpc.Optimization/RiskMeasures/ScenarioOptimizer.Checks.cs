using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>Input validation and infeasibility diagnosis.</summary>
public static partial class ScenarioOptimizer
{
    /// <summary>Most scenarios a Gini mean difference optimisation takes: its OWA LP has ~T² variables (one-off Stopwatch runs on 2 loaded cores, n = 20: T = 125 in 2.6–4 s, T = 250 in 42 s).</summary>
    public const int MaxGiniScenarios = 200;

    private static PortfolioConstraints Validate(ScenarioProblem p)
    {
        ArgumentNullException.ThrowIfNull(p.Returns);
        var (t, n) = (p.Returns.GetLength(0), p.Returns.GetLength(1));
        if (t < 2 || n < 1)
        {
            throw Guard.Invalid($"scenario optimisation needs at least two scenarios and one asset, got {t} x {n}", "returns");
        }

        for (var s = 0; s < t; s++)
        {
            for (var j = 0; j < n; j++)
            {
                if (!double.IsFinite(p.Returns[s, j]))
                {
                    throw Guard.Invalid($"scenario return [{s},{j}] is not finite", "returns");
                }
            }
        }

        if (!(p.Alpha > 0 && p.Alpha < 1))
        {
            throw Guard.Invalid($"alpha must lie in (0, 1), got {p.Alpha}", "alpha");
        }

        if (RiskMeasureInfo.NeedsExponentialCone(p.Measure))
        {
            throw new OptimizationException(OptimizationErrorKind.UnsupportedRiskMeasure, $"{RiskMeasureInfo.Name(p.Measure)} can be evaluated but not optimised: it needs an exponential-cone solver, which is not in place", "risk_measure");
        }

        if (p.Measure == RiskMeasure.GiniMeanDifference && t > MaxGiniScenarios)
        {
            // Every θ jump of the Gini OWA is its own top-m sum, so the LP has ~T² slacks: T = 250 already took 42 s, and
            // T = 1000 would hold a million variables, enough to starve every other request on the server.
            throw new OptimizationException(OptimizationErrorKind.UnsupportedRiskMeasure, $"gini optimisation builds an LP with ~T² variables, so it takes at most {MaxGiniScenarios} scenarios (got {t}); evaluate gini on any number, or optimise tail-gini, cvar or mad", "risk_measure");
        }

        if (!RiskMeasureInfo.IsLinear(p.Measure) && !RiskMeasureInfo.IsRootQuadratic(p.Measure))
        {
            throw Guard.Invalid($"{RiskMeasureInfo.Name(p.Measure)} is optimised by the mean-variance engine, not on scenarios", "risk_measure");
        }

        var c = p.Constraints ?? PortfolioConstraints.LongOnly(n);
        c.Validate(n);
        if (c.L2Gamma != 0)
        {
            throw Guard.Invalid("the L2 penalty applies to mean-variance objectives only", "l2_gamma");
        }

        if (p.Objective != RiskObjective.MinRisk)
        {
            Guard.Length(p.ExpectedReturns ?? throw Guard.Invalid($"{p.Objective} needs expected returns", "expected_returns"), n, "expected_returns");
        }

        Guard.Finite(p.RiskFreeRate, "risk_free_rate");
        if (!(p.RiskAversion >= 0) || !double.IsFinite(p.RiskAversion))
        {
            throw Guard.Invalid($"risk aversion must be finite and ≥ 0, got {p.RiskAversion}", "risk_aversion");
        }

        if (p.Objective == RiskObjective.EfficientReturn)
        {
            Guard.Finite(p.TargetReturn ?? throw Guard.Invalid("efficient-return needs a target return", "target_return"), "target_return");
        }

        if (p.Objective == RiskObjective.EfficientRisk && !(p.RiskCap is { } cap && double.IsFinite(cap) && cap > 0))
        {
            throw Guard.Invalid("efficient-risk needs a finite, positive risk cap", "target_risk");
        }

        if (!(p.TimeLimit > TimeSpan.Zero))
        {
            throw Guard.Invalid("the solver time limit must be positive", "time_limit");
        }

        return c;
    }

    /// <summary>
    /// Finds which constraint makes the problem infeasible: the objective's own row (target return, risk cap, the ratio's
    /// μᵀw &gt; r_f) if the portfolio constraints alone are feasible, else the first group or inequality whose removal
    /// restores feasibility, else the bounds with the budget.
    /// </summary>
    private static OptimizationException Diagnose(ScenarioProblem p)
    {
        var c = p.Constraints!;
        var n = c.AssetCount;
        if (Feasible(p, c, withTarget: false))
        {
            if (p.Objective == RiskObjective.EfficientReturn && !Feasible(p, c, withTarget: true))
            {
                return new OptimizationException(OptimizationErrorKind.TargetReturnUnreachable, $"no portfolio within the constraints reaches the target return {p.TargetReturn}", "target_return");
            }

            return p.Objective switch
            {
                RiskObjective.MaxRatio => new OptimizationException(OptimizationErrorKind.NoReturnAboveRiskFree, $"no feasible portfolio has an expected return above the risk-free rate {p.RiskFreeRate}", "risk_free_rate"),
                RiskObjective.EfficientRisk => new OptimizationException(OptimizationErrorKind.TargetVolatilityUnreachable, $"the risk cap {p.RiskCap} is below the minimum {RiskMeasureInfo.Name(p.Measure)} the constraints allow", "target_risk"),
                _ => new OptimizationException(OptimizationErrorKind.Infeasible, "the solver reported the problem infeasible although the portfolio constraints are feasible", "constraints"),
            };
        }

        for (var g = 0; g < c.Groups.Count; g++)
        {
            var without = Copy(c, c.Groups.Where((_, i) => i != g).ToArray(), c.Inequalities);
            if (Feasible(p, without, withTarget: false))
            {
                return new OptimizationException(OptimizationErrorKind.Infeasible, $"group '{c.Groups[g].Name}' [{c.Groups[g].Lower}, {c.Groups[g].Upper}] cannot be met with the other constraints", "groups");
            }
        }

        for (var q = 0; q < c.Inequalities.Count; q++)
        {
            var without = Copy(c, c.Groups, c.Inequalities.Where((_, i) => i != q).ToArray());
            if (Feasible(p, without, withTarget: false))
            {
                return new OptimizationException(OptimizationErrorKind.Infeasible, $"inequality '{c.Inequalities[q].Name}' cannot be met with the other constraints", "inequalities");
            }
        }

        return new OptimizationException(OptimizationErrorKind.Infeasible, $"the weight bounds, budget {c.Budget}, groups and inequalities admit no portfolio of the {n} assets", "bounds");
    }

    private static bool Feasible(ScenarioProblem p, PortfolioConstraints c, bool withTarget)
    {
        var b = ScenarioModelBuilder.Create(p.Returns, c, null, p.Alpha, homogenised: false);
        if (withTarget)
        {
            b.AddPortfolioRow(Enumerable.Range(0, c.AssetCount).ToArray(), p.ExpectedReturns!, p.TargetReturn!.Value, double.PositiveInfinity, "target_return");
        }

        return GlopLinearProgram.Solve(b.Model, p.TimeLimit).Status == ScenarioSolveStatus.Optimal;
    }

    private static PortfolioConstraints Copy(PortfolioConstraints c, IReadOnlyList<GroupConstraint> groups, IReadOnlyList<LinearInequality> inequalities)
    {
        var copy = new PortfolioConstraints(c.AssetCount, 0, 1) { Budget = c.Budget, Groups = groups, Inequalities = inequalities };
        c.LowerBounds.CopyTo(copy.LowerBounds, 0);
        c.UpperBounds.CopyTo(copy.UpperBounds, 0);
        return copy;
    }
}
