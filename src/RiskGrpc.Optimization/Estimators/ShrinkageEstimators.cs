namespace RiskGrpc.Optimization.Estimators;

/// <summary>
/// Shrinkage of the maximum-likelihood covariance towards the scaled identity μI (μ = trace(S)/N), as scikit-learn's
/// <c>ledoit_wolf</c> and <c>oas</c> and PyPortfolioOpt's <c>CovarianceShrinkage</c> (missing returns → 0, data centred,
/// S with 1/T). Result: periods · ((1 − δ) S + δ μ I).
/// </summary>
public static class ShrinkageEstimators
{
    /// <summary>Ledoit-Wolf (2004) with the constant-variance target; returns the matrix and the intensity δ ∈ [0, 1].</summary>
    public static (double[,] Covariance, double Shrinkage) LedoitWolf(double[,] returns, double periodsPerYear = 252)
    {
        var x = CenteredFilled(returns);
        var (t, n) = (x.GetLength(0), x.GetLength(1));
        var s = CovarianceEstimators.CrossProduct(x, 1.0 / t, center: false);
        var mu = Trace(s) / n;

        // β = (1/(N·T)) Σₜ ‖xₜxₜᵀ − S‖²_F-like term, δ = ‖S − μI‖²_F / N, as sklearn.covariance.ledoit_wolf_shrinkage.
        double beta = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var r = 0; r < t; r++)
                {
                    sum += x[r, i] * x[r, i] * x[r, j] * x[r, j];
                }

                beta += sum;
            }
        }

        double delta = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                delta += s[i, j] * s[i, j];
            }
        }

        var betaScaled = ((beta / t) - delta) / (n * (double)t);
        var deltaScaled = (delta - (2 * mu * Trace(s)) + (n * mu * mu)) / n;
        betaScaled = Math.Min(betaScaled, deltaScaled);
        var shrinkage = betaScaled == 0 ? 0 : betaScaled / deltaScaled;
        return (Shrink(s, shrinkage, mu, periodsPerYear), shrinkage);
    }

    /// <summary>Oracle Approximating Shrinkage (Chen et al. 2010) as scikit-learn's <c>oas</c>.</summary>
    public static (double[,] Covariance, double Shrinkage) Oas(double[,] returns, double periodsPerYear = 252)
    {
        var x = CenteredFilled(returns);
        var (t, n) = (x.GetLength(0), x.GetLength(1));
        var s = CovarianceEstimators.CrossProduct(x, 1.0 / t, center: false);
        var mu = Trace(s) / n;
        double alpha = 0;
        foreach (var v in s)
        {
            alpha += v * v;
        }

        alpha /= n * n;
        var num = alpha + (mu * mu);
        var den = (t + 1.0) * (alpha - (mu * mu / n));
        var shrinkage = den == 0 ? 1.0 : Math.Min(num / den, 1.0);
        return (Shrink(s, shrinkage, mu, periodsPerYear), shrinkage);
    }

    private static double[,] Shrink(double[,] s, double shrinkage, double mu, double periodsPerYear)
    {
        var n = s.GetLength(0);
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                result[i, j] = ((1 - shrinkage) * s[i, j] + (i == j ? shrinkage * mu : 0)) * periodsPerYear;
            }
        }

        return result;
    }

    private static double Trace(double[,] s)
    {
        double sum = 0;
        for (var i = 0; i < s.GetLength(0); i++)
        {
            sum += s[i, i];
        }

        return sum;
    }

    private static double[,] CenteredFilled(double[,] returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var (t, n) = (returns.GetLength(0), returns.GetLength(1));
        if (t < 2 || n == 0)
        {
            throw Guard.Invalid("shrinkage needs at least two rows and one asset", "returns");
        }

        var x = new double[t, n];
        for (var j = 0; j < n; j++)
        {
            double mean = 0;
            for (var r = 0; r < t; r++)
            {
                x[r, j] = double.IsNaN(returns[r, j]) ? 0 : returns[r, j];
                mean += x[r, j];
            }

            mean /= t;
            for (var r = 0; r < t; r++)
            {
                x[r, j] -= mean;
            }
        }

        return x;
    }
}
