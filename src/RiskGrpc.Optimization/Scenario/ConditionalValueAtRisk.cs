using MathNet.Numerics.LinearAlgebra;
using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.Scenario;

/// <summary>
/// Historical CVaR minimisation (Rockafellar-Uryasev), as PyPortfolioOpt's <c>EfficientCVaR.min_cvar</c> and Riskfolio's
/// <c>rm='CVaR'</c>: min α + Σₜ uₜ/(T(1 − β)) s.t. uₜ ≥ −rₜᵀw − α, uₜ ≥ 0, bounds, Σw = budget and optionally μᵀw ≥ target.
/// Solved by a primal-dual interior point (Mehrotra) whose Newton systems eliminate the T scenario variables, leaving an
/// (N+1)-square system: O(T·N²) per iteration. Groups and general inequalities are not supported (rejected).
/// </summary>
public static class ConditionalValueAtRisk
{
    private const int MaxIterations = 200;

    /// <summary>Minimises the CVaR at confidence <paramref name="beta"/> (e.g. 0.95) of the scenarios in <paramref name="returns"/> (T × N, no NaN).</summary>
    public static CvarResult Minimize(double[,] returns, double beta, PortfolioConstraints constraints, double[]? expectedReturns = null, double? targetReturn = null)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(constraints);
        var (t, n) = (returns.GetLength(0), returns.GetLength(1));
        constraints.Validate(n);
        if (!(beta > 0 && beta < 1) || t < 2)
        {
            throw Guard.Invalid("CVaR needs 0 < beta < 1 and at least two scenarios", "beta");
        }

        if (constraints.Groups.Count > 0 || constraints.Inequalities.Count > 0 || constraints.L2Gamma != 0)
        {
            throw Guard.Invalid("minimum CVaR supports bounds, the budget and a target return only", "constraints");
        }

        foreach (var v in returns)
        {
            if (!double.IsFinite(v))
            {
                throw Guard.Invalid("CVaR scenarios must not contain missing values", "returns");
            }
        }

        if (targetReturn is not null)
        {
            Guard.Length(expectedReturns ?? throw Guard.Invalid("a target return needs expected returns", "expected_returns"), n, "expected_returns");
        }

        var lp = new CvarInteriorPoint(returns, beta, constraints, targetReturn is null ? null : expectedReturns, targetReturn ?? 0);
        if (!lp.Solve(MaxIterations))
        {
            throw targetReturn is not null
                ? new OptimizationException(OptimizationErrorKind.TargetReturnUnreachable, $"no portfolio within the bounds reaches the target return {targetReturn}", "target_return")
                : new OptimizationException(OptimizationErrorKind.NotConverged, "the CVaR interior point did not converge");
        }

        var w = lp.Weights;
        var alpha = lp.Alpha;
        var cvar = Cvar(returns, w, beta);
        return new CvarResult(w, alpha, cvar, lp.Iterations);
    }

    /// <summary>CVaR of fixed weights: min over α of α + Σ max(−rₜᵀw − α, 0)/(T(1 − β)), evaluated at the loss quantile.</summary>
    public static double Cvar(double[,] returns, double[] weights, double beta)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(weights);
        var t = returns.GetLength(0);
        var losses = new double[t];
        for (var s = 0; s < t; s++)
        {
            for (var j = 0; j < weights.Length; j++)
            {
                losses[s] -= returns[s, j] * weights[j];
            }
        }

        // The objective is piecewise linear in α with kinks at the losses; its minimum is at one of them.
        var best = double.PositiveInfinity;
        var scale = 1.0 / (t * (1 - beta));
        foreach (var alpha in losses)
        {
            var sum = 0.0;
            foreach (var loss in losses)
            {
                sum += Math.Max(loss - alpha, 0);
            }

            best = Math.Min(best, alpha + (scale * sum));
        }

        return best;
    }
}
