using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.Estimators;

namespace RiskGrpc.Optimization.Tests.Reference;

/// <summary>Builds the estimator inputs each family of reference cases states in its <c>params</c>.</summary>
internal static class ReferenceInputs
{
    /// <summary>PyPortfolioOpt: pct_change without fill, all-NaN rows dropped; geometric μ; pairwise sample covariance ×252.</summary>
    public static (string[] Assets, double[] Mu, double[,] Cov, AssetTable Returns) PyPortfolioOpt(ReferenceCase c)
    {
        var returns = ReferenceData.PriceFile(c.Data).SelectAssets(c.WeightAssets.Length > 0 ? c.WeightAssets : ReferenceData.PriceFile(c.Data).Assets.ToArray()).ToSimpleReturns();
        return (returns.Assets.ToArray(), ExpectedReturns.GeometricMean(returns.Values), CovarianceEstimators.Sample(returns.Values), returns);
    }

    /// <summary>Returns of the rows where every price exists (T = 895 on stock_prices.csv).</summary>
    public static AssetTable CompleteRowReturns(ReferenceCase c) =>
        ReferenceData.PriceFile(c.Data).CompleteRows().ToSimpleReturns();

    /// <summary>Riskfolio: the case's tickers in the listed order, pct_change().dropna(), last 200 rows.</summary>
    public static AssetTable RiskfolioReturns(ReferenceCase c) =>
        ReferenceData.PriceFile(c.Data).SelectAssets(c.WeightAssets).ToSimpleReturns().CompleteRows().TakeLast(200);
}
