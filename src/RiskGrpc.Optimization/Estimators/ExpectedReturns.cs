namespace RiskGrpc.Optimization.Estimators;

/// <summary>
/// Expected-return estimators on a returns matrix (T × N, simple returns, NaN = missing). Each column uses only its own
/// observations; a column without any is an error. Results are annualised with <c>periodsPerYear</c>.
/// </summary>
public static class ExpectedReturns
{
    /// <summary>Arithmetic mean: μⱼ = periods · mean of column j's observed returns.</summary>
    public static double[] Mean(double[,] returns, double periodsPerYear = 252)
    {
        var n = Validate(returns, periodsPerYear);
        var mu = new double[n];
        for (var j = 0; j < n; j++)
        {
            double sum = 0;
            var count = 0;
            for (var t = 0; t < returns.GetLength(0); t++)
            {
                var r = returns[t, j];
                if (!double.IsNaN(r))
                {
                    sum += r;
                    count++;
                }
            }

            mu[j] = count > 0 ? sum / count * periodsPerYear : throw Guard.Invalid($"asset {j} has no returns", "returns");
        }

        return mu;
    }

    /// <summary>
    /// Geometric mean as PyPortfolioOpt's <c>mean_historical_return</c>: μⱼ = (Πₜ(1 + rₜⱼ))^(periods / countⱼ) − 1, the
    /// product over column j's observed returns and countⱼ their number.
    /// </summary>
    public static double[] GeometricMean(double[,] returns, double periodsPerYear = 252)
    {
        var n = Validate(returns, periodsPerYear);
        var mu = new double[n];
        for (var j = 0; j < n; j++)
        {
            double product = 1;
            var count = 0;
            for (var t = 0; t < returns.GetLength(0); t++)
            {
                var r = returns[t, j];
                if (!double.IsNaN(r))
                {
                    if (r <= -1)
                    {
                        throw Guard.Invalid($"asset {j} has a return of {r} (≤ −100%), the geometric mean is undefined", "returns");
                    }

                    product *= 1 + r;
                    count++;
                }
            }

            mu[j] = count > 0 ? Math.Pow(product, periodsPerYear / count) - 1 : throw Guard.Invalid($"asset {j} has no returns", "returns");
        }

        return mu;
    }

    /// <summary>
    /// Exponentially weighted mean as pandas <c>ewm(span).mean()</c> at the last row (adjust = true, NaN positions keep
    /// their age): μⱼ = periods · Σ (1−α)^(T−1−t) rₜⱼ / Σ (1−α)^(T−1−t) over observed t, α = 2/(span+1).
    /// </summary>
    public static double[] ExponentiallyWeighted(double[,] returns, double span = 500, double periodsPerYear = 252)
    {
        var n = Validate(returns, periodsPerYear);
        if (!(span >= 1))
        {
            throw Guard.Invalid("span must be ≥ 1", "span");
        }

        var decay = 1.0 - (2.0 / (span + 1.0));
        var rows = returns.GetLength(0);
        var mu = new double[n];
        for (var j = 0; j < n; j++)
        {
            double num = 0, den = 0, weight = 1;
            for (var t = rows - 1; t >= 0; t--)
            {
                var r = returns[t, j];
                if (!double.IsNaN(r))
                {
                    num += weight * r;
                    den += weight;
                }

                weight *= decay;
            }

            mu[j] = den > 0 ? num / den * periodsPerYear : throw Guard.Invalid($"asset {j} has no returns", "returns");
        }

        return mu;
    }

    private static int Validate(double[,] returns, double periodsPerYear)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (!(periodsPerYear > 0) || !double.IsFinite(periodsPerYear))
        {
            throw Guard.Invalid("periods per year must be positive", "periods_per_year");
        }

        if (returns.GetLength(0) == 0 || returns.GetLength(1) == 0)
        {
            throw Guard.Invalid("returns matrix is empty", "returns");
        }

        return returns.GetLength(1);
    }
}
