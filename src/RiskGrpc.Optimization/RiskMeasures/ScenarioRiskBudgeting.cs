using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Risk budgeting (risk parity for equal budgets) with an LP measure ρ ∈ {MAD, CVaR, CDaR}: Riskfolio's
/// <c>rp_optimization</c> (min ρ(x) s.t. Σ bᵢ ln xᵢ ≥ c, x ≥ 0, w = x / Σx) in its equivalent Lagrangian form
/// min F(x) = ρ(x) − Σ bᵢ ln xᵢ, x &gt; 0 (for a positively homogeneous ρ both give the same w). At the optimum some
/// subgradient g of ρ has xᵢ·gᵢ = bᵢ, so the risk contributions wᵢ·gᵢ equal ρ(w)·bᵢ. MAD and CVaR are sums of hinges
/// solved by <see cref="HingeBudgetingBarrier"/> (a log-barrier Newton method); CDaR by log-tangent cuts on GLOP.
/// </summary>
internal static partial class ScenarioRiskBudgeting
{
    private const string BarrierEngine = "barrier (risk budgeting)";

    /// <summary>Weight cap of the scaled problem (x starts at k·1 and ρ(x*) = 1): past it F is unbounded below.</summary>
    private const double ScaleCap = 1e6;

    /// <summary>Solves for budgets <paramref name="budgets"/> (positive; normalised to sum 1; null = equal).</summary>
    public static PortfolioWeights Solve(double[,] returns, RiskMeasure measure, double alpha, double[]? budgets, TimeSpan timeLimit)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (measure is not (RiskMeasure.Mad or RiskMeasure.ConditionalValueAtRisk or RiskMeasure.ConditionalDrawdownAtRisk))
        {
            throw new OptimizationException(OptimizationErrorKind.UnsupportedRiskMeasure, $"risk parity with {RiskMeasureInfo.Name(measure)} is not implemented (variance, MAD, CVaR and CDaR)", "risk_measure");
        }

        var n = returns.GetLength(1);
        var b = NormalisedBudgets(budgets, n);
        // F(k·1) is least at k = 1/ρ(1): the natural scale of x (ρ(x*) = Σb = 1 at the optimum for a homogeneous ρ).
        var unit = ScenarioRisk.Evaluate(measure, returns, Enumerable.Repeat(1.0, n).ToArray(), alpha);
        if (!(unit > 0))
        {
            throw new OptimizationException(OptimizationErrorKind.Infeasible, $"risk parity needs {RiskMeasureInfo.Name(measure)} positive on long-only portfolios, but the equal-weight one has {unit:G6}", "risk_measure");
        }

        var k = 1 / unit;
        if (measure == RiskMeasure.ConditionalDrawdownAtRisk)
        {
            var (x, iterations) = SolveByCuts(returns, alpha, b, k, timeLimit);
            return Finish(returns, x, measure, alpha, iterations, CutsEngine);
        }

        var barrier = HingeForm(returns, measure, alpha, b, k, out var y);
        barrier.Solve(y, ScaleCap * k, timeLimit);
        return Finish(returns, y[..n], measure, alpha, barrier.NewtonSteps, BarrierEngine);
    }

    /// <summary>
    /// CVaR as ζ + Σ max(−rₜᵀx − ζ, 0)/(αT) over y = (x, ζ), started at ζ = the start portfolio's VaR; MAD as
    /// (2/T)·Σ max((r̄ − rₜ)ᵀx, 0) over y = x (the deviations from the mean sum to zero, so this is mean |xₜ − x̄|).
    /// </summary>
    private static HingeBudgetingBarrier HingeForm(double[,] returns, RiskMeasure measure, double alpha, double[] b, double k, out double[] y)
    {
        var (t, n) = (returns.GetLength(0), returns.GetLength(1));
        var cvar = measure == RiskMeasure.ConditionalValueAtRisk;
        var m = cvar ? n + 1 : n;
        var a = new double[m * t];
        var columnMean = new double[n];
        for (var s = 0; s < t; s++)
        {
            for (var j = 0; j < n; j++)
            {
                columnMean[j] += returns[s, j] / t;
            }
        }

        for (var s = 0; s < t; s++)
        {
            for (var j = 0; j < n; j++)
            {
                a[(j * t) + s] = cvar ? -returns[s, j] : columnMean[j] - returns[s, j];
            }

            if (cvar)
            {
                a[(n * t) + s] = -1;
            }
        }

        y = new double[m];
        Array.Fill(y, k, 0, n);
        var q = new double[m];
        if (!cvar)
        {
            return new HingeBudgetingBarrier(a, m, n, 2.0 / t, q, b);
        }

        q[n] = 1;
        var losses = ScenarioRisk.PortfolioReturns(returns, y.AsSpan(0, n)).Select(v => -v).Order().ToArray();
        y[n] = losses[Math.Clamp(t - (int)Math.Ceiling(alpha * t), 0, t - 1)];
        return new HingeBudgetingBarrier(a, m, n, 1 / (alpha * t), q, b);
    }

    /// <summary>Budgets b &gt; 0 scaled to Σb = 1 (null = 1/n each); INVALID_ARGUMENT on <c>risk_budgets</c> otherwise.</summary>
    internal static double[] NormalisedBudgets(double[]? budgets, int n)
    {
        var b = budgets ?? Enumerable.Repeat(1.0 / n, n).ToArray();
        Guard.Length(b, n, "risk_budgets");
        if (b.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            throw Guard.Invalid("risk budgets must be strictly positive and finite", "risk_budgets");
        }

        var total = b.Sum();
        return b.Select(v => v / total).ToArray();
    }

    private static PortfolioWeights Finish(double[,] returns, double[] x, RiskMeasure measure, double alpha, int iterations, string engine)
    {
        var risk = ScenarioRisk.Evaluate(measure, returns, x, alpha);
        if (!(risk > 0))
        {
            throw new OptimizationException(OptimizationErrorKind.Infeasible, $"risk parity needs {RiskMeasureInfo.Name(measure)} positive on every long-only portfolio, but a portfolio with {RiskMeasureInfo.Name(measure)} {risk:G6} ≤ 0 exists", "risk_measure");
        }

        var total = x.Sum();
        return new PortfolioWeights(x.Select(v => v / total).ToArray(), engine, iterations, ["budget"]);
    }
}
