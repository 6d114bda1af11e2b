using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskParity;

/// <summary>
/// Variance risk budgeting (equal risk contribution when budgets are equal) through Spinu's strictly convex form
/// min ½yᵀSy − Σ bᵢ log yᵢ over y &gt; 0, solved by damped Newton; w = y/Σy has wᵢ(Sw)ᵢ / wᵀSw = bᵢ. Long-only, Σw = 1.
/// </summary>
public static class RiskBudgeting
{
    private const int MaxIterations = 200;

    /// <summary>Solves for budgets b (normalised to sum 1; null = equal). Throws if S is not positive definite.</summary>
    public static PortfolioWeights Solve(double[,] covariance, double[]? budgets)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        Guard.Square(covariance, n, "covariance");
        var b = budgets ?? Enumerable.Repeat(1.0 / n, n).ToArray();
        Guard.Length(b, n, "risk_budgets");
        if (b.Any(v => !(v > 0)))
        {
            throw Guard.Invalid("risk budgets must be strictly positive", "risk_budgets");
        }

        var total = b.Sum();
        b = b.Select(v => v / total).ToArray();
        var s = DenseMath.Flatten(covariance);
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            if (!(covariance[i, i] > 0))
            {
                throw new OptimizationException(OptimizationErrorKind.NotPositiveDefinite, $"variance of asset {i} is not positive", "covariance");
            }

            y[i] = Math.Sqrt(b[i]) / Math.Sqrt(covariance[i, i]);
        }

        var sy = new double[n];
        var grad = new double[n];
        var hess = new double[n * n];
        var step = new double[n];
        var trial = new double[n];
        for (var it = 1; it <= MaxIterations; it++)
        {
            DenseMath.MatVec(s, n, y, sy);
            for (var i = 0; i < n; i++)
            {
                grad[i] = sy[i] - (b[i] / y[i]);
            }

            s.CopyTo(hess, 0);
            for (var i = 0; i < n; i++)
            {
                hess[(i * n) + i] += b[i] / (y[i] * y[i]);
            }

            if (!DenseMath.CholeskyInPlace(hess, n))
            {
                throw new OptimizationException(OptimizationErrorKind.NotPositiveDefinite, "the covariance matrix is not positive definite", "covariance");
            }

            for (var i = 0; i < n; i++)
            {
                step[i] = -grad[i];
            }

            DenseMath.CholeskySolveInPlace(hess, n, step);
            // Converged when every yᵢ(Sy)ᵢ equals bᵢ to round-off: that is the risk-budget condition itself.
            var decrement = -grad.Zip(step, (g, d) => g * d).Sum();
            var deviation = 0.0;
            for (var i = 0; i < n; i++)
            {
                deviation = Math.Max(deviation, Math.Abs(y[i] * grad[i]));
            }

            if (deviation <= 1e-15 || decrement <= 1e-30)
            {
                return Normalised(y, it);
            }

            // Stay inside y > 0, then backtrack on the objective (Armijo).
            var alpha = 1.0;
            for (var i = 0; i < n; i++)
            {
                if (step[i] < 0)
                {
                    alpha = Math.Min(alpha, -0.99 * y[i] / step[i]);
                }
            }

            var f0 = Objective(s, n, y, b);
            while (true)
            {
                for (var i = 0; i < n; i++)
                {
                    trial[i] = y[i] + (alpha * step[i]);
                }

                // Near the optimum f cannot resolve the decrease; the full Newton step converges quadratically there.
                if (decrement < 1e-12 || Objective(s, n, trial, b) <= f0 - (1e-4 * alpha * decrement) || alpha < 1e-12)
                {
                    break;
                }

                alpha *= 0.5;
            }

            trial.CopyTo(y, 0);
        }

        throw new OptimizationException(OptimizationErrorKind.NotConverged, $"risk budgeting did not converge in {MaxIterations} Newton steps");
    }

    private static double Objective(double[] s, int n, double[] y, double[] b)
    {
        var f = 0.5 * DenseMath.QuadraticForm(s, n, y);
        for (var i = 0; i < n; i++)
        {
            f -= b[i] * Math.Log(y[i]);
        }

        return f;
    }

    private static PortfolioWeights Normalised(double[] y, int iterations)
    {
        var sum = y.Sum();
        return new PortfolioWeights(y.Select(v => v / sum).ToArray(), "newton-risk-budgeting", iterations, []);
    }
}
