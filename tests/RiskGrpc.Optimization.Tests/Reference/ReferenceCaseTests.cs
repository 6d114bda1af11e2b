using RiskGrpc.Optimization.BlackLitterman;
using RiskGrpc.Optimization.Estimators;
using RiskGrpc.Optimization.Hierarchical;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskParity;
using RiskGrpc.Optimization.RiskMeasures;
using Xunit;

namespace RiskGrpc.Optimization.Tests.Reference;

/// <summary>Every case of <c>optimization-reference.json</c>, one named test each (the display name is the case name).</summary>
public sealed class ReferenceCaseTests
{
    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ReferenceData.All.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(new TheoryDataRow<string>(name) { TestDisplayName = name });
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void ReferenceCase_MatchesExpectedWithinTolerance(string name)
    {
        var c = ReferenceData.Get(name);
        switch (c.Method)
        {
            case "covariance_estimator + min_volatility":
                CovarianceThenMinVolatility(c);
                break;
            case "min_volatility" or "max_sharpe" or "max_quadratic_utility" or "efficient_return" or "efficient_risk":
                PyPortfolioOptMeanVariance(c);
                break;
            case "risk_parity (variance, equal budgets)":
                ErcOnCompleteRows(c);
                break;
            case "black_litterman.market_implied_prior_returns":
                MarketImpliedPrior(c);
                break;
            case "hrp":
                PyPortfolioOptHrp(c);
                break;
            case "efficient_cvar.min_cvar":
                PyPortfolioOptMinCvar(c);
                break;
            default:
                RiskfolioCase(c);
                break;
        }
    }

    private static void CovarianceThenMinVolatility(ReferenceCase c)
    {
        var returns = ReferenceInputs.CompleteRowReturns(c);
        Assert.Equal(895, returns.RowCount);
        var cov = c.Name.Contains("ledoit", StringComparison.Ordinal)
            ? ShrinkageEstimators.LedoitWolf(returns.Values).Covariance
            : CovarianceEstimators.Sample(returns.Values);
        var expected = c.Raw.GetProperty("expected_matrix");
        var tickers = expected.GetProperty("tickers").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(tickers, returns.Assets);
        var rows = expected.GetProperty("values").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        var tol = c.Tolerance("matrix_abs");
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows.Length; j++)
            {
                Assert.True(Math.Abs(rows[i][j] - cov[i, j]) <= tol, $"cov[{i},{j}] expected {rows[i][j]:R} got {cov[i, j]:R}");
            }
        }

        var w = new MeanVarianceOptimizer(null, cov, PortfolioConstraints.LongOnly(tickers.Length)).MinVolatility().Weights;
        ReferenceAssert.Weights(c, tickers, w);
        var vol = PortfolioPerformance.Compute(w, null, cov, 0).Volatility;
        Assert.True(Math.Abs(vol - c.Performance("min_volatility_vol")) <= 1e-8, $"vol {vol:R}");
    }

    private static void PyPortfolioOptMeanVariance(ReferenceCase c)
    {
        var (assets, mu, cov, _) = ReferenceInputs.PyPortfolioOpt(c);
        var rf = c.Param("risk_free_rate");
        var opt = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(assets.Length), assetNames: assets);
        var w = c.Method switch
        {
            "min_volatility" => opt.MinVolatility(),
            "max_sharpe" => opt.MaxSharpe(rf),
            "max_quadratic_utility" => opt.MaxQuadraticUtility(c.Param("risk_aversion")),
            "efficient_return" => opt.EfficientReturn(c.Param("target_return")),
            _ => opt.EfficientRisk(c.Param("target_volatility")),
        };
        ReferenceAssert.Weights(c, assets, w.Weights);
        var perf = PortfolioPerformance.Compute(w.Weights, mu, cov, rf);
        ReferenceAssert.Performance(c, "expected_return", perf.ExpectedReturn);
        ReferenceAssert.Performance(c, "volatility", perf.Volatility);
        ReferenceAssert.Performance(c, "sharpe", perf.Sharpe);
    }

    private static void ErcOnCompleteRows(ReferenceCase c)
    {
        var returns = ReferenceInputs.CompleteRowReturns(c);
        var cov = CovarianceEstimators.Sample(returns.Values);
        var w = RiskBudgeting.Solve(cov, null).Weights;
        ReferenceAssert.Weights(c, returns.Assets, w);
        var perf = PortfolioPerformance.Compute(w, null, cov, 0);
        Assert.True(Math.Abs(perf.Volatility - c.Performance("volatility")) <= 1e-9, $"vol {perf.Volatility:R}");
        Assert.True(perf.RiskContributions.Max() - perf.RiskContributions.Min() <= 1e-9);
    }

    private static void MarketImpliedPrior(ReferenceCase c)
    {
        var (assets, _, cov, _) = ReferenceInputs.PyPortfolioOpt(c);
        var caps = c.Params.GetProperty("market_caps");
        var marketCaps = assets.Select(a => caps.GetProperty(a).GetDouble()).ToArray();
        var pi = BlackLittermanModel.MarketImpliedPrior(marketCaps, cov, c.Param("risk_aversion_value"), c.Param("risk_free_rate"));
        var expected = c.Raw.GetProperty("expected_performance").GetProperty("pi");
        var tol = c.Tolerance("abs");
        for (var i = 0; i < assets.Length; i++)
        {
            var want = expected.GetProperty(assets[i]).GetDouble();
            Assert.True(Math.Abs(pi[i] - want) <= tol, $"pi[{assets[i]}] expected {want:R} got {pi[i]:R}");
        }
    }

    private static void PyPortfolioOptHrp(ReferenceCase c)
    {
        var (assets, _, _, returns) = ReferenceInputs.PyPortfolioOpt(c);
        var dailyCov = CovarianceEstimators.Sample(returns.Values, 1);
        var corr = CovarianceEstimators.PairwiseCorrelation(returns.Values);
        var result = HierarchicalRiskParity.Compute(dailyCov, corr, new HierarchicalOptions { Linkage = LinkageMethod.Single });
        var first5 = c.Raw.GetProperty("expected_order_first5").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(first5, result.Order.Take(5).Select(i => assets[i]).ToArray());
        ReferenceAssert.Weights(c, assets, result.Weights);
        var perf = PortfolioPerformance.Compute(result.Weights, ExpectedReturns.Mean(returns.Values), CovarianceEstimators.Sample(returns.Values), 0.02);
        ReferenceAssert.Performance(c, "expected_return", perf.ExpectedReturn);
        ReferenceAssert.Performance(c, "volatility", perf.Volatility);
        ReferenceAssert.Performance(c, "sharpe", perf.Sharpe);
    }

    private static void PyPortfolioOptMinCvar(ReferenceCase c)
    {
        var (assets, mu, _, _) = ReferenceInputs.PyPortfolioOpt(c);
        var scenarios = ReferenceInputs.CompleteRowReturns(c);
        Assert.Equal(895, scenarios.RowCount);
        var result = MinCvar(scenarios.Values, Math.Round(1 - c.Param("beta"), 12));
        ReferenceAssert.Performance(c, "cvar", ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, scenarios.Values, result.Weights, Math.Round(1 - c.Param("beta"), 12)));
        ReferenceAssert.Weights(c, assets, result.Weights);
        ReferenceAssert.Performance(c, "expected_return", mu.Zip(result.Weights, (m, w) => m * w).Sum());
    }

    private static void RiskfolioCase(ReferenceCase c)
    {
        var returns = ReferenceInputs.RiskfolioReturns(c);
        Assert.Equal(200, returns.RowCount);
        var assets = returns.Assets;
        var cov = CovarianceEstimators.Sample(returns.Values, 1);
        var mu = ExpectedReturns.Mean(returns.Values, 1);
        var rm = c.Params.GetProperty("rm").GetString();
        double[] w;
        if (c.Method.StartsWith("hrp", StringComparison.Ordinal) || c.Method.StartsWith("herc", StringComparison.Ordinal))
        {
            var corr = CovarianceEstimators.PairwiseCorrelation(returns.Values);
            var options = new HierarchicalOptions
            {
                Linkage = Enum.Parse<LinkageMethod>(c.Params.GetProperty("linkage").GetString()!, ignoreCase: true),
                OptimalLeafOrdering = true,
                ClusterRisk = ClusterRiskMeasure.Variance,
            };
            if (c.Method.StartsWith("hrp", StringComparison.Ordinal))
            {
                var hrp = HierarchicalRiskParity.Compute(cov, corr, options);
                var order = c.Raw.GetProperty("expected_order").EnumerateArray().Select(e => e.GetString()!).ToArray();
                Assert.Equal(order, hrp.Order.Select(i => assets[i]).ToArray());
                w = hrp.Weights;
            }
            else
            {
                w = HierarchicalEqualRiskContribution.Compute(cov, corr, options, (int)c.Param("k")).Weights;
            }
        }
        else if (c.Method.Contains("obj=MinRisk, rm=CVaR", StringComparison.Ordinal) || rm == "CVaR")
        {
            w = MinCvar(returns.Values, c.Param("alpha")).Weights;
        }
        else
        {
            var opt = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(assets.Count), assetNames: assets);
            w = c.Params.GetProperty("obj").GetString() switch
            {
                "MinRisk" => opt.MinVolatility().Weights,
                "Sharpe" => opt.MaxSharpe(c.Param("rf")).Weights,
                "RP" => RiskBudgeting.Solve(cov, null).Weights,
                var other => throw new InvalidOperationException($"unhandled objective {other}"),
            };
        }

        ReferenceAssert.Weights(c, assets, w);
    }

    private static PortfolioWeights MinCvar(double[,] scenarios, double alpha) => ScenarioOptimizer.Optimize(new ScenarioProblem
    {
        Returns = scenarios,
        Measure = RiskMeasure.ConditionalValueAtRisk,
        Objective = RiskObjective.MinRisk,
        Alpha = alpha,
    });
}
