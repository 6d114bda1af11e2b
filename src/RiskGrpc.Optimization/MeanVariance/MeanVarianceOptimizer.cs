using RiskGrpc.Optimization.Solvers;

namespace RiskGrpc.Optimization.MeanVariance;

/// <summary>
/// Mean-variance objectives over expected returns μ (annualised, length N) and covariance S (N×N, annualised) under
/// <see cref="PortfolioConstraints"/>. Every objective is one QP (or a short sequence of them) solved by the injected
/// <see cref="IQuadraticProgramSolver"/>; infeasible or ill-posed requests throw <see cref="OptimizationException"/>.
/// </summary>
public sealed class MeanVarianceOptimizer
{
    private readonly double[]? _mu;
    private readonly double[,] _cov;
    private readonly PortfolioConstraints _constraints;
    private readonly IQuadraticProgramSolver _solver;
    private readonly IReadOnlyList<string>? _names;

    /// <summary>Creates the optimizer; <paramref name="expectedReturns"/> may be null for risk-only objectives.</summary>
    public MeanVarianceOptimizer(double[]? expectedReturns, double[,] covariance, PortfolioConstraints constraints, IQuadraticProgramSolver? solver = null, IReadOnlyList<string>? assetNames = null)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(constraints);
        var n = covariance.GetLength(0);
        Guard.Square(covariance, n, "covariance");
        Guard.Symmetric(covariance, "covariance");
        if (expectedReturns is not null)
        {
            Guard.Length(expectedReturns, n, "expected_returns");
        }

        constraints.Validate(n);
        _mu = expectedReturns;
        _cov = covariance;
        _constraints = constraints;
        _solver = solver ?? QuadraticProgramSolvers.Default;
        _names = assetNames;
    }

    private int N => _cov.GetLength(0);

    /// <summary>min wᵀSw + γ‖w‖².</summary>
    public PortfolioWeights MinVolatility()
    {
        var qp = QpBuilder.WeightSpace(QpBuilder.Hessian(_cov, 2, _constraints.L2Gamma), new double[N], _constraints, _names);
        var s = Solve(qp, OptimizationErrorKind.Infeasible, "the constraints admit no portfolio");
        return PortfolioWeights.FromQp(s, s.X);
    }

    /// <summary>max μᵀw − (δ/2) wᵀSw − γ‖w‖² with risk aversion δ &gt; 0.</summary>
    public PortfolioWeights MaxQuadraticUtility(double riskAversion)
    {
        var mu = RequireMu();
        if (!(riskAversion > 0) || !double.IsFinite(riskAversion))
        {
            throw Guard.Invalid("risk aversion must be positive and finite", "risk_aversion");
        }

        var qp = QpBuilder.WeightSpace(QpBuilder.Hessian(_cov, riskAversion, _constraints.L2Gamma), mu.Select(m => -m).ToArray(), _constraints, _names);
        var s = Solve(qp, OptimizationErrorKind.Infeasible, "the constraints admit no portfolio");
        return PortfolioWeights.FromQp(s, s.X);
    }

    /// <summary>min wᵀSw + γ‖w‖² subject to μᵀw ≥ target.</summary>
    public PortfolioWeights EfficientReturn(double targetReturn)
    {
        var mu = RequireMu();
        Guard.Finite(targetReturn, "target_return");
        var qp = QpBuilder.WeightSpace(QpBuilder.Hessian(_cov, 2, _constraints.L2Gamma), new double[N], _constraints, _names);
        qp.AddGreaterOrEqual(mu, targetReturn, "target return");
        var s = _solver.Solve(qp);
        if (s.Status == QpStatus.Infeasible)
        {
            MinVolatility(); // throws Infeasible if the constraints alone are contradictory
            throw new OptimizationException(OptimizationErrorKind.TargetReturnUnreachable, $"target return {targetReturn} exceeds the maximum return the constraints allow", "target_return");
        }

        s = Check(s, OptimizationErrorKind.Infeasible, "the constraints admit no portfolio");
        return PortfolioWeights.FromQp(s, s.X);
    }

    /// <summary>
    /// max μᵀw subject to wᵀSw ≤ σ². Solved as the utility QP whose δ makes the volatility equal σ (σ(δ) decreases
    /// monotonically), found by bisection on log δ to 1e-12 relative; if even δ = 1e-8 stays below σ the cap does not bind.
    /// </summary>
    public PortfolioWeights EfficientRisk(double targetVolatility)
    {
        RequireMu();
        if (!(targetVolatility > 0) || !double.IsFinite(targetVolatility))
        {
            throw Guard.Invalid("target volatility must be positive and finite", "target_volatility");
        }

        var minVol = MinVolatility();
        var sigmaMin = Volatility(minVol.Weights);
        if (sigmaMin > targetVolatility * (1 + 1e-12))
        {
            throw new OptimizationException(OptimizationErrorKind.TargetVolatilityUnreachable, $"target volatility {targetVolatility} is below the minimum volatility {sigmaMin} the constraints allow", "target_volatility");
        }

        var iterations = minVol.Iterations;
        double lo = Math.Log(1e-8), hi = Math.Log(1e8);
        var best = MaxQuadraticUtility(Math.Exp(lo));
        iterations += best.Iterations;
        if (Volatility(best.Weights) <= targetVolatility)
        {
            return best with { Iterations = iterations };
        }

        for (var k = 0; k < 200 && hi - lo > 1e-15; k++)
        {
            var mid = 0.5 * (lo + hi);
            var w = MaxQuadraticUtility(Math.Exp(mid));
            iterations += w.Iterations;
            var sigma = Volatility(w.Weights);
            if (sigma > targetVolatility)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
                best = w;
            }

            if (Math.Abs(sigma - targetVolatility) <= 1e-13 * targetVolatility)
            {
                best = w;
                break;
            }
        }

        return best with { Iterations = iterations };
    }

    /// <summary>
    /// max (μᵀw − rf)/√(wᵀSw) by the homogenisation y = k·w (Cornuejols-Tütüncü): min yᵀSy s.t. (μ − rf)ᵀy = 1 and the
    /// constraints scaled by k = Σy; w = y/Σy. Needs budget 1 and some feasible portfolio with return above rf.
    /// </summary>
    public PortfolioWeights MaxSharpe(double riskFreeRate)
    {
        var mu = RequireMu();
        return Tangency(mu, riskFreeRate, "expected return");
    }

    /// <summary>Maximum diversification: max σᵀw/√(wᵀSw), σ the asset volatilities — a tangency portfolio with μ := σ, rf = 0.</summary>
    public PortfolioWeights MaxDiversification()
    {
        var sigma = Enumerable.Range(0, N).Select(i => Math.Sqrt(_cov[i, i])).ToArray();
        return Tangency(sigma, 0, "diversification ratio");
    }

    /// <summary>
    /// <paramref name="points"/> efficient portfolios with target returns evenly spaced from the minimum-volatility return
    /// to the maximum return (approximated by the utility portfolio at δ = 1e-8).
    /// </summary>
    public IReadOnlyList<PortfolioWeights> EfficientFrontier(int points)
    {
        var mu = RequireMu();
        if (points < 2 || points > 10_000)
        {
            throw Guard.Invalid("the frontier needs between 2 and 10000 points", "points");
        }

        var low = MinVolatility();
        var high = MaxQuadraticUtility(1e-8);
        var rLow = Dot(mu, low.Weights);
        var rHigh = Dot(mu, high.Weights);
        var frontier = new List<PortfolioWeights>(points) { low };
        for (var k = 1; k < points - 1; k++)
        {
            frontier.Add(EfficientReturn(rLow + ((rHigh - rLow) * k / (points - 1))));
        }

        frontier.Add(high);
        return frontier;
    }

    private PortfolioWeights Tangency(double[] mu, double riskFreeRate, string what)
    {
        Guard.Finite(riskFreeRate, "risk_free_rate");
        if (Math.Abs(_constraints.Budget - 1) > 1e-12)
        {
            throw Guard.Invalid("maximum Sharpe / diversification needs budget 1 (market neutral has no tangency portfolio)", "budget");
        }

        var excess = mu.Select(m => m - riskFreeRate).ToArray();
        if (excess.All(e => e <= 0))
        {
            throw new OptimizationException(OptimizationErrorKind.NoReturnAboveRiskFree, $"every asset's {what} is at or below the risk-free rate {riskFreeRate}", "risk_free_rate");
        }

        var qp = QpBuilder.Homogenised(QpBuilder.Hessian(_cov, 2, _constraints.L2Gamma), excess, _constraints, _names);
        var s = Solve(qp, OptimizationErrorKind.NoReturnAboveRiskFree, $"no feasible portfolio has an {what} above the risk-free rate {riskFreeRate}");
        var k = s.X.Sum();
        if (!(k > 0))
        {
            throw new OptimizationException(OptimizationErrorKind.NoReturnAboveRiskFree, $"no feasible portfolio has an {what} above the risk-free rate", "risk_free_rate");
        }

        return PortfolioWeights.FromQp(s, s.X.Select(y => y / k).ToArray());
    }

    private QpSolution Solve(QuadraticProgram qp, OptimizationErrorKind infeasibleKind, string infeasibleMessage) =>
        Check(_solver.Solve(qp), infeasibleKind, infeasibleMessage);

    private static QpSolution Check(QpSolution s, OptimizationErrorKind infeasibleKind, string infeasibleMessage) => s.Status switch
    {
        QpStatus.Optimal => s,
        QpStatus.Infeasible => throw new OptimizationException(infeasibleKind, $"{infeasibleMessage} (blocked by {s.BlockingConstraint})"),
        QpStatus.NotPositiveDefinite => throw new OptimizationException(OptimizationErrorKind.NotPositiveDefinite, "the covariance matrix is not positive definite; repair it or add L2 regularisation", "covariance"),
        _ => throw new OptimizationException(OptimizationErrorKind.NotConverged, $"{s.Solver} stopped after {s.Iterations} iterations without converging"),
    };

    private double[] RequireMu() => _mu ?? throw Guard.Invalid("this objective needs expected returns", "expected_returns");

    private double Volatility(double[] w) => Math.Sqrt(PortfolioPerformance.Variance(w, _cov));

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
