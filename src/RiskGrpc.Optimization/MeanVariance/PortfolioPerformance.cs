namespace RiskGrpc.Optimization.MeanVariance;

/// <summary>
/// Ex-ante figures of a weight vector: r = μᵀw, σ = √(wᵀSw), Sharpe = (r − rf)/σ, and risk contributions
/// RCᵢ = wᵢ(Sw)ᵢ/σ, which sum to σ.
/// </summary>
public sealed record PortfolioPerformance(double ExpectedReturn, double Volatility, double Sharpe, double[] RiskContributions)
{
    /// <summary>Computes the figures; <paramref name="expectedReturns"/> null gives NaN return and Sharpe.</summary>
    public static PortfolioPerformance Compute(double[] weights, double[]? expectedReturns, double[,] covariance, double riskFreeRate)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(covariance);
        var n = weights.Length;
        Guard.Square(covariance, n, "covariance");
        var sw = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                sw[i] += covariance[i, j] * weights[j];
            }
        }

        var variance = weights.Zip(sw, (w, s) => w * s).Sum();
        var sigma = Math.Sqrt(Math.Max(variance, 0));
        var rc = weights.Zip(sw, (w, s) => sigma > 0 ? w * s / sigma : 0).ToArray();
        var ret = expectedReturns is null ? double.NaN : weights.Zip(expectedReturns, (w, m) => w * m).Sum();
        var sharpe = sigma > 0 ? (ret - riskFreeRate) / sigma : double.NaN;
        return new PortfolioPerformance(ret, sigma, sharpe, rc);
    }

    /// <summary>wᵀSw.</summary>
    public static double Variance(double[] weights, double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(covariance);
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            for (var j = 0; j < weights.Length; j++)
            {
                sum += weights[i] * covariance[i, j] * weights[j];
            }
        }

        return sum;
    }
}
