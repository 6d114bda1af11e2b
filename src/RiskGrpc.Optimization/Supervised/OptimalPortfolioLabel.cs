using RiskGrpc.Optimization.Estimators;
using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.Supervised;

/// <summary>
/// The label of a training date: the long-only maximum-Sharpe portfolio on the realised moments of rows (s, s + h]
/// (μ = mean × A, S = sample covariance × A) with wᵀ(S + γI)w as the risk, or the minimum-variance portfolio on the
/// same moments when every realised mean is at or below the risk-free rate (max Sharpe is then ill-posed).
/// </summary>
public static class OptimalPortfolioLabel
{
    /// <summary>Weights in [0, <paramref name="maxWeight"/>] over rows <paramref name="first"/>..<paramref name="last"/> (inclusive) of <paramref name="returns"/>.</summary>
    public static double[] Compute(double[,] returns, int first, int last, double riskFreeRate, double ridge, double periodsPerYear, double maxWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var window = Slice(returns, first, last);
        var n = window.GetLength(1);
        var mu = ExpectedReturns.Mean(window, periodsPerYear);
        var cov = CovarianceEstimators.Sample(window, periodsPerYear);
        var constraints = new PortfolioConstraints(n, 0, maxWeight) { L2Gamma = ridge };
        var optimizer = new MeanVarianceOptimizer(mu, cov, constraints);
        return mu.Any(m => m > riskFreeRate) ? optimizer.MaxSharpe(riskFreeRate).Weights : optimizer.MinVolatility().Weights;
    }

    /// <summary>Long-only minimum variance (with the ridge, weights ≤ <paramref name="maxWeight"/>) over rows <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static double[] MinimumVariance(double[,] returns, int first, int last, double ridge, double periodsPerYear, double maxWeight = 1)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var window = Slice(returns, first, last);
        var n = window.GetLength(1);
        var cov = CovarianceEstimators.Sample(window, periodsPerYear);
        return new MeanVarianceOptimizer(null, cov, new PortfolioConstraints(n, 0, maxWeight) { L2Gamma = ridge }).MinVolatility().Weights;
    }

    private static double[,] Slice(double[,] returns, int first, int last)
    {
        var n = returns.GetLength(1);
        var rows = last - first + 1;
        var window = new double[rows, n];
        Buffer.BlockCopy(returns, first * n * sizeof(double), window, 0, rows * n * sizeof(double));
        return window;
    }
}
