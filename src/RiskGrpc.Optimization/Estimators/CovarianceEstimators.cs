namespace RiskGrpc.Optimization.Estimators;

/// <summary>
/// Covariance estimators on a returns matrix (T × N, NaN = missing), annualised by <c>periodsPerYear</c>. The
/// conventions follow pandas/PyPortfolioOpt and scikit-learn so results match them to round-off.
/// </summary>
public static class CovarianceEstimators
{
    /// <summary>
    /// Sample covariance with pairwise-complete observations (pandas <c>DataFrame.cov</c>, ddof = 1): for each pair the
    /// means and the sum run over the rows where both are observed. Fewer than two shared rows is an error.
    /// </summary>
    public static double[,] Sample(double[,] returns, double periodsPerYear = 252) =>
        Pairwise(returns, periodsPerYear, correlation: false);

    /// <summary>Pearson correlation with pairwise-complete observations (pandas <c>DataFrame.corr</c>).</summary>
    public static double[,] PairwiseCorrelation(double[,] returns) => Pairwise(returns, 1, correlation: true);

    /// <summary>
    /// Exponentially weighted covariance as PyPortfolioOpt's <c>exp_cov</c>: for each pair the centred cross products
    /// (xₜ − x̄)(yₜ − ȳ), with column means over each column's own observations, averaged with pandas
    /// <c>ewm(span).mean()</c> weights at the last row. Missing rows keep their age.
    /// </summary>
    public static double[,] ExponentiallyWeighted(double[,] returns, double span = 180, double periodsPerYear = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (!(span >= 1))
        {
            throw Guard.Invalid("span must be ≥ 1", "span");
        }

        var (rows, n) = (returns.GetLength(0), returns.GetLength(1));
        var means = ExpectedReturns.Mean(returns, 1);
        var decay = 1.0 - (2.0 / (span + 1.0));
        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                double num = 0, den = 0, weight = 1;
                for (var t = rows - 1; t >= 0; t--)
                {
                    var x = returns[t, i];
                    var y = returns[t, j];
                    if (!double.IsNaN(x) && !double.IsNaN(y))
                    {
                        num += weight * (x - means[i]) * (y - means[j]);
                        den += weight;
                    }

                    weight *= decay;
                }

                cov[i, j] = cov[j, i] = den > 0 ? num / den * periodsPerYear : throw Guard.Invalid($"assets {i} and {j} share no rows", "returns");
            }
        }

        return cov;
    }

    /// <summary>
    /// Semicovariance as PyPortfolioOpt's <c>semicovariance</c>: with dₜⱼ = min(rₜⱼ − b, 0) (missing → 0),
    /// S = periods · DᵀD / T over all T rows. <paramref name="benchmark"/> is per period (PyPortfolioOpt's default 0.000079).
    /// </summary>
    public static double[,] Semicovariance(double[,] returns, double benchmark = 0.000079, double periodsPerYear = 252)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var (rows, n) = (returns.GetLength(0), returns.GetLength(1));
        var drops = new double[rows, n];
        for (var t = 0; t < rows; t++)
        {
            for (var j = 0; j < n; j++)
            {
                var r = returns[t, j];
                drops[t, j] = double.IsNaN(r) ? 0 : Math.Min(r - benchmark, 0);
            }
        }

        return CrossProduct(drops, periodsPerYear / rows, center: false);
    }

    /// <summary>XᵀX·scale with X optionally centred by its column means (no missing values allowed).</summary>
    internal static double[,] CrossProduct(double[,] x, double scale, bool center)
    {
        var (rows, n) = (x.GetLength(0), x.GetLength(1));
        var centred = (double[,])x.Clone();
        if (center)
        {
            for (var j = 0; j < n; j++)
            {
                double mean = 0;
                for (var t = 0; t < rows; t++)
                {
                    mean += x[t, j];
                }

                mean /= rows;
                for (var t = 0; t < rows; t++)
                {
                    centred[t, j] -= mean;
                }
            }
        }

        var cov = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                double sum = 0;
                for (var t = 0; t < rows; t++)
                {
                    sum += centred[t, i] * centred[t, j];
                }

                cov[i, j] = cov[j, i] = sum * scale;
            }
        }

        return cov;
    }

    private static double[,] Pairwise(double[,] returns, double periodsPerYear, bool correlation)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var (rows, n) = (returns.GetLength(0), returns.GetLength(1));
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                double sx = 0, sy = 0;
                var count = 0;
                for (var t = 0; t < rows; t++)
                {
                    var x = returns[t, i];
                    var y = returns[t, j];
                    if (!double.IsNaN(x) && !double.IsNaN(y))
                    {
                        sx += x;
                        sy += y;
                        count++;
                    }
                }

                if (count < 2)
                {
                    throw Guard.Invalid($"assets {i} and {j} share fewer than two observations", "returns");
                }

                double mx = sx / count, my = sy / count, sxy = 0, sxx = 0, syy = 0;
                for (var t = 0; t < rows; t++)
                {
                    var x = returns[t, i];
                    var y = returns[t, j];
                    if (!double.IsNaN(x) && !double.IsNaN(y))
                    {
                        sxy += (x - mx) * (y - my);
                        sxx += (x - mx) * (x - mx);
                        syy += (y - my) * (y - my);
                    }
                }

                result[i, j] = result[j, i] = correlation
                    ? (i == j ? 1.0 : sxy / Math.Sqrt(sxx * syy))
                    : sxy / (count - 1) * periodsPerYear;
            }
        }

        return result;
    }
}
