using MathNet.Numerics.LinearAlgebra;

namespace RiskGrpc.Optimization.BlackLitterman;

/// <summary>
/// Black-Litterman (He-Litterman form, as PyPortfolioOpt's <c>BlackLittermanModel</c>). Prior π = δΣw_mkt + rf; views
/// P μ = Q with uncertainty Ω (default diag(τPΣPᵀ)); posterior μ = π + τΣPᵀ(τPΣPᵀ + Ω)⁻¹(Q − Pπ) and
/// Σ_post = Σ + τΣ − τΣPᵀ(τPΣPᵀ + Ω)⁻¹PτΣ.
/// </summary>
public static class BlackLittermanModel
{
    /// <summary>Market-implied prior returns π = δ·Σ·w_mkt + rf with w_mkt = caps/Σcaps.</summary>
    public static double[] MarketImpliedPrior(double[] marketCaps, double[,] covariance, double riskAversion, double riskFreeRate)
    {
        ArgumentNullException.ThrowIfNull(marketCaps);
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        Guard.Square(covariance, n, "covariance");
        Guard.Length(marketCaps, n, "market_caps");
        Guard.Finite(riskAversion, "risk_aversion");
        Guard.Finite(riskFreeRate, "risk_free_rate");
        var total = marketCaps.Sum();
        if (marketCaps.Any(c => c < 0) || !(total > 0))
        {
            throw Guard.Invalid("market caps must be non-negative with a positive total", "market_caps");
        }

        var pi = new double[n];
        for (var i = 0; i < n; i++)
        {
            double sum = 0;
            for (var j = 0; j < n; j++)
            {
                sum += covariance[i, j] * marketCaps[j] / total;
            }

            pi[i] = (riskAversion * sum) + riskFreeRate;
        }

        return pi;
    }

    /// <summary>
    /// Posterior returns and covariance for views given by the pick matrix <paramref name="pick"/> (k×n; a row with one 1 is an
    /// absolute view, a row with +1/−1 a relative view) and view returns <paramref name="viewReturns"/> (k).
    /// <paramref name="viewVariances"/> (k) sets Ω's diagonal; null uses diag(τPΣPᵀ).
    /// </summary>
    public static (double[] Returns, double[,] Covariance) Posterior(double[] prior, double[,] covariance, double[,] pick, double[] viewReturns, double tau = 0.05, double[]? viewVariances = null)
    {
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(pick);
        ArgumentNullException.ThrowIfNull(viewReturns);
        var n = covariance.GetLength(0);
        Guard.Square(covariance, n, "covariance");
        Guard.Length(prior, n, "prior");
        var k = viewReturns.Length;
        if (pick.GetLength(0) != k || pick.GetLength(1) != n)
        {
            throw Guard.Invalid($"pick matrix must be {k}x{n}", "views");
        }

        if (!(tau > 0) || !double.IsFinite(tau))
        {
            throw Guard.Invalid("tau must be positive", "tau");
        }

        var sigma = Matrix<double>.Build.DenseOfArray(covariance);
        var p = Matrix<double>.Build.DenseOfArray(pick);
        var tauSigmaPt = tau * sigma * p.Transpose();
        var pTauSigmaPt = p * tauSigmaPt;
        var omega = Matrix<double>.Build.Dense(k, k);
        for (var i = 0; i < k; i++)
        {
            omega[i, i] = viewVariances is null ? pTauSigmaPt[i, i] : viewVariances[i];
            if (!(omega[i, i] > 0))
            {
                throw Guard.Invalid($"view {i} has a non-positive uncertainty", "views");
            }
        }

        var a = pTauSigmaPt + omega;
        var piV = Vector<double>.Build.DenseOfArray(prior);
        var q = Vector<double>.Build.DenseOfArray(viewReturns);
        var mu = piV + (tauSigmaPt * a.Solve(q - (p * piV)));
        var m = (tau * sigma) - (tauSigmaPt * a.Solve(tauSigmaPt.Transpose()));
        return (mu.ToArray(), (sigma + m).ToArray());
    }
}
