using RiskGrpc.Optimization.Estimators;

namespace RiskGrpc.Optimization.Portfolios;

/// <summary>Resolves a request's μ and S: estimated from returns, taken as given, then optionally Black-Litterman updated.</summary>
public static class InputEstimator
{
    /// <summary>Runs the selected covariance estimator on a returns matrix (T × N).</summary>
    public static double[,] Covariance(double[,] returns, CovarianceMethod method, double periodsPerYear) => method switch
    {
        CovarianceMethod.Sample => CovarianceEstimators.Sample(returns, periodsPerYear),
        CovarianceMethod.ExponentiallyWeighted => CovarianceEstimators.ExponentiallyWeighted(returns, periodsPerYear: periodsPerYear),
        CovarianceMethod.Semicovariance => CovarianceEstimators.Semicovariance(returns, periodsPerYear: periodsPerYear),
        CovarianceMethod.LedoitWolf => ShrinkageEstimators.LedoitWolf(returns, periodsPerYear).Covariance,
        CovarianceMethod.Oas => ShrinkageEstimators.Oas(returns, periodsPerYear).Covariance,
        CovarianceMethod.RmtDenoised => RandomMatrixDenoising.Denoise(CovarianceEstimators.Sample(returns, periodsPerYear), returns.GetLength(0)),
        _ => throw Guard.Invalid($"unknown covariance estimator {method}", "covariance_estimator"),
    };

    /// <summary>Runs the selected expected-returns estimator on a returns matrix (T × N).</summary>
    public static double[] ExpectedReturns(double[,] returns, ExpectedReturnsMethod method, double periodsPerYear) => method switch
    {
        ExpectedReturnsMethod.GeometricMean => Estimators.ExpectedReturns.GeometricMean(returns, periodsPerYear),
        ExpectedReturnsMethod.Mean => Estimators.ExpectedReturns.Mean(returns, periodsPerYear),
        ExpectedReturnsMethod.ExponentiallyWeighted => Estimators.ExpectedReturns.ExponentiallyWeighted(returns, periodsPerYear: periodsPerYear),
        _ => throw Guard.Invalid($"unknown expected-returns estimator {method}", "expected_returns_estimator"),
    };

    /// <summary>μ (null if neither given nor estimable) and S for <paramref name="request"/>.</summary>
    public static (double[]? Mu, double[,] Cov) Resolve(OptimizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var n = request.Assets.Count;
        double[]? mu;
        double[,] cov;
        if (request.Returns is { } returns)
        {
            if (returns.AssetCount != n || !returns.Assets.SequenceEqual(request.Assets))
            {
                throw Guard.Invalid("returns columns must match the asset names", "returns");
            }

            if (returns.RowCount < 2)
            {
                throw Guard.Invalid("at least two rows of returns are needed", "returns");
            }

            cov = Covariance(returns.Values, request.CovarianceMethod, request.PeriodsPerYear);
            mu = request.ExpectedReturns ?? ExpectedReturns(returns.Values, request.ExpectedReturnsMethod, request.PeriodsPerYear);
        }
        else
        {
            cov = request.Covariance ?? throw Guard.Invalid("either returns or a covariance matrix is required", "covariance");
            mu = request.ExpectedReturns;
        }

        Guard.Square(cov, n, "covariance");
        Guard.Symmetric(cov, "covariance");
        if (mu is not null)
        {
            Guard.Length(mu, n, "expected_returns");
        }

        if (request.BlackLitterman is { } bl)
        {
            var prior = BlackLitterman.BlackLittermanModel.MarketImpliedPrior(bl.MarketCaps, cov, bl.RiskAversion, request.RiskFreeRate);
            if (bl.ViewReturns.Length == 0)
            {
                return (prior, cov);
            }

            var (postMu, postCov) = BlackLitterman.BlackLittermanModel.Posterior(prior, cov, bl.Pick, bl.ViewReturns, bl.Tau, bl.ViewVariances);
            return (postMu, postCov);
        }

        return (mu, cov);
    }
}
