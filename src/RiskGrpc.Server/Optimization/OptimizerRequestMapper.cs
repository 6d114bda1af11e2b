using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Portfolios;
using OptEngine = RiskGrpc.Optimization.Portfolios;
using Hc = RiskGrpc.Optimization.Hierarchical;
using Google.Protobuf.Collections;
using Proto = RiskGrpc.Contracts.V1;

namespace RiskGrpc.Server.Optimization;

/// <summary>Translates proto requests into engine requests; malformed fields throw <see cref="OptimizationException"/> (InvalidInput) naming the field.</summary>
internal static class OptimizerRequestMapper
{
    public static OptimizationRequest Map(OptimizeRequest request)
    {
        var method = request.Objective != OptimizationObjective.Unspecified ? OptimizerRiskMeasureMapper.MethodOf(request.Objective) : request.Method switch
        {
            Proto.OptimizationMethod.Unspecified => throw Invalid("method", "method or objective must be set"),
            var m when Enum.IsDefined(m) => (OptEngine.OptimizationMethod)(int)m,
            _ => throw Invalid("method", $"unknown method {(int)request.Method}"),
        };
        var common = Common(request.Input, request.Constraints, request.BlackLitterman, request.Solver, request.RiskFreeRate);
        return common with
        {
            Method = method,
            TargetReturn = request.HasTargetReturn ? request.TargetReturn : null,
            TargetVolatility = request.HasTargetVolatility ? request.TargetVolatility : null,
            RiskAversion = request.HasRiskAversion ? request.RiskAversion : 1.0,
            RiskBudgets = request.RiskBudgets.Count == 0 ? null : ByAsset(request.RiskBudgets, [.. common.Assets], "risk_budgets"),
            Linkage = request.Linkage switch
            {
                Proto.LinkageMethod.Unspecified => Hc.LinkageMethod.Single,
                var l when Enum.IsDefined(l) => (Hc.LinkageMethod)(int)l,
                _ => throw Invalid("linkage", $"unknown linkage {(int)request.Linkage}"),
            },
            OptimalLeafOrdering = request.OptimalLeafOrdering,
            ClusterRisk = request.ClusterRisk switch
            {
                Proto.ClusterRiskMeasure.Unspecified => Hc.ClusterRiskMeasure.Variance,
                var c when Enum.IsDefined(c) => (Hc.ClusterRiskMeasure)(int)c,
                _ => throw Invalid("cluster_risk", $"unknown cluster risk measure {(int)request.ClusterRisk}"),
            },
            ClusterCount = request.ClusterCount == 0 ? null : request.ClusterCount,
            CvarBeta = request.HasCvarBeta ? request.CvarBeta : 0.95,
            SupervisedKnn = request.SupervisedKnn is null ? null : SupervisedKnnSettingsMapper.Map(request.SupervisedKnn, "supervised_knn"),
            RiskMeasure = OptimizerRiskMeasureMapper.MeasureOf(request.RiskMeasure),
            Alpha = request.HasAlpha ? request.Alpha : RiskGrpc.Optimization.RiskMeasures.ScenarioRisk.DefaultAlpha,
            TargetRisk = request.HasTargetRisk ? request.TargetRisk : null,
        };
    }

    public static OptimizationRequest Map(ComputeEfficientFrontierRequest request) =>
        Common(request.Input, request.Constraints, request.BlackLitterman, request.Solver, request.RiskFreeRate) with
        {
            Method = OptEngine.OptimizationMethod.EfficientReturn,
            RiskMeasure = OptimizerRiskMeasureMapper.MeasureOf(request.RiskMeasure),
            Alpha = request.HasAlpha ? request.Alpha : RiskGrpc.Optimization.RiskMeasures.ScenarioRisk.DefaultAlpha,
        };

    /// <summary>The fields both RPCs share: market data, estimators, constraints, Black-Litterman, solver.</summary>
    private static OptimizationRequest Common(OptimizerInput? input, OptimizerConstraints? constraints, BlackLittermanInput? bl, OptimizerSolver solver, double riskFreeRate)
    {
        var (assets, returns, mu, cov) = Input(input); // throws for a missing input, so input is not null below
        return new OptimizationRequest
        {
            Assets = assets,
            Returns = returns,
            ExpectedReturns = mu,
            Covariance = cov,
            ExpectedReturnsMethod = ExpectedReturnsMethodOf(input!),
            CovarianceMethod = CovarianceMethodOf(input!),
            PeriodsPerYear = PeriodsOf(input!),
            RiskFreeRate = riskFreeRate,
            Constraints = Constraints(constraints, assets),
            BlackLitterman = BlackLitterman(bl, assets),
            Solver = SolverName(solver),
        };
    }

    internal static (string[] Assets, AssetTable? Returns, double[]? Mu, double[,]? Cov) Input(OptimizerInput? input)
    {
        switch (input?.SourceCase)
        {
            case OptimizerInput.SourceOneofCase.Prices:
                var prices = Table(input.Prices, "input.prices");
                return (prices.Assets.ToArray(), prices.ToSimpleReturns(), null, null);
            case OptimizerInput.SourceOneofCase.Returns:
                var returns = Table(input.Returns, "input.returns");
                return (returns.Assets.ToArray(), returns, null, null);
            case OptimizerInput.SourceOneofCase.Moments:
                var m = input.Moments;
                var n = m.Assets.Count;
                if (n == 0)
                {
                    throw Invalid("input.moments.assets", "at least one asset is required");
                }

                if (m.Covariance.Count != n * n)
                {
                    throw Invalid("input.moments.covariance", $"covariance needs {n * n} values (row-major {n}x{n}), got {m.Covariance.Count}");
                }

                if (m.ExpectedReturns.Count != 0 && m.ExpectedReturns.Count != n)
                {
                    throw Invalid("input.moments.expected_returns", $"expected returns need {n} values, got {m.ExpectedReturns.Count}");
                }

                var cov = new double[n, n];
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        cov[i, j] = m.Covariance[(i * n) + j];
                    }
                }

                return (m.Assets.ToArray(), null, m.ExpectedReturns.Count == 0 ? null : m.ExpectedReturns.ToArray(), cov);
            default:
                throw Invalid("input", "input.prices, input.returns or input.moments is required");
        }
    }

    /// <summary>A dated matrix from its proto form; <paramref name="field"/> prefixes the names of violated fields.</summary>
    internal static AssetTable Table(OptimizerTimeSeries series, string field)
    {
        var n = series.Assets.Count;
        if (n == 0 || series.Rows.Count < 2)
        {
            throw Invalid(field, "at least one asset and two rows are required");
        }

        var values = new double[series.Rows.Count, n];
        for (var t = 0; t < series.Rows.Count; t++)
        {
            var row = series.Rows[t];
            if (row.Values.Count != n)
            {
                throw Invalid($"{field}.rows[{t}].values", $"row has {row.Values.Count} values, expected {n}");
            }

            for (var j = 0; j < n; j++)
            {
                values[t, j] = double.IsInfinity(row.Values[j]) ? throw Invalid($"{field}.rows[{t}].values", "values must be finite or NaN") : row.Values[j];
            }
        }

        return new AssetTable(series.Assets.ToArray(), series.Rows.Select(r => r.Label).ToArray(), values);
    }

    private static PortfolioConstraints? Constraints(OptimizerConstraints? c, string[] assets)
    {
        if (c is null)
        {
            return null;
        }

        var constraints = new PortfolioConstraints(assets.Length, c.HasMinWeight ? c.MinWeight : 0, c.HasMaxWeight ? c.MaxWeight : 1)
        {
            Budget = c.MarketNeutral ? 0 : 1,
            L2Gamma = c.L2Gamma,
            Groups = c.Groups.Select((g, k) => new GroupConstraint(
                string.IsNullOrEmpty(g.Name) ? $"group{k}" : g.Name,
                g.Assets.Select(a => IndexOf(assets, a, $"constraints.groups[{k}].assets")).ToArray(),
                g.HasLower ? g.Lower : double.NegativeInfinity,
                g.HasUpper ? g.Upper : double.PositiveInfinity)).ToArray(),
            Inequalities = c.LinearLimits.Select((l, k) => new LinearInequality(
                string.IsNullOrEmpty(l.Name) ? $"limit{k}" : l.Name,
                Coefficients(l.Coefficients, assets, $"constraints.linear_limits[{k}].coefficients"),
                l.UpperBound)).ToArray(),
        };
        foreach (var b in c.AssetBounds)
        {
            var i = IndexOf(assets, b.Asset, "constraints.asset_bounds");
            constraints.LowerBounds[i] = b.Lower;
            constraints.UpperBounds[i] = b.Upper;
        }

        return constraints;
    }

    private static OptEngine.BlackLittermanViews? BlackLitterman(BlackLittermanInput? bl, string[] assets)
    {
        if (bl is null)
        {
            return null;
        }

        var pick = new double[bl.Views.Count, assets.Length];
        for (var k = 0; k < bl.Views.Count; k++)
        {
            var row = Coefficients(bl.Views[k].Weights, assets, $"black_litterman.views[{k}].weights");
            for (var j = 0; j < assets.Length; j++)
            {
                pick[k, j] = row[j];
            }
        }

        return new OptEngine.BlackLittermanViews
        {
            MarketCaps = ByAsset(bl.MarketCaps, assets, "black_litterman.market_caps"),
            RiskAversion = bl.RiskAversion == 0 ? 1 : bl.RiskAversion,
            Tau = bl.Tau == 0 ? 0.05 : bl.Tau,
            Pick = pick,
            ViewReturns = bl.Views.Select(v => v.ExpectedReturn).ToArray(),
            ViewVariances = bl.Views.Count > 0 && bl.Views.All(v => v.HasVariance) ? bl.Views.Select(v => v.Variance).ToArray()
                : bl.Views.Any(v => v.HasVariance) ? throw Invalid("black_litterman.views", "give a variance for every view or for none") : null,
        };
    }

    private static double[] ByAsset(MapField<string, double> map, string[] assets, string field)
    {
        var unknown = map.Keys.FirstOrDefault(k => !assets.Contains(k));
        if (unknown is not null)
        {
            throw Invalid(field, $"unknown asset '{unknown}'");
        }

        return assets.Select(a => map.TryGetValue(a, out var v) ? v : throw Invalid(field, $"missing a value for asset '{a}'")).ToArray();
    }

    private static double[] Coefficients(MapField<string, double> map, string[] assets, string field) =>
        assets.Select(a => map.TryGetValue(a, out var v) ? v : 0.0).ToArray() is var row && map.Keys.All(assets.Contains)
            ? row
            : throw Invalid(field, $"unknown asset '{map.Keys.First(k => !assets.Contains(k))}'");

    private static int IndexOf(string[] assets, string asset, string field)
    {
        var i = Array.IndexOf(assets, asset);
        return i >= 0 ? i : throw Invalid(field, $"unknown asset '{asset}'");
    }

    private static ExpectedReturnsMethod ExpectedReturnsMethodOf(OptimizerInput input) =>
        input.ExpectedReturnsEstimator == ExpectedReturnsEstimator.Unspecified ? ExpectedReturnsMethod.GeometricMean : (ExpectedReturnsMethod)(int)input.ExpectedReturnsEstimator;

    private static CovarianceMethod CovarianceMethodOf(OptimizerInput input) => input.CovarianceEstimator switch
    {
        CovarianceEstimator.Unspecified => CovarianceMethod.Sample,
        var e when Enum.IsDefined(e) => (CovarianceMethod)(int)e,
        _ => throw Invalid("input.covariance_estimator", $"unknown covariance estimator {(int)input.CovarianceEstimator}"),
    };

    private static double PeriodsOf(OptimizerInput input) => input.PeriodsPerYear == 0 ? 252 : input.PeriodsPerYear;

    private static string SolverName(OptimizerSolver solver) => solver switch
    {
        OptimizerSolver.InteriorPoint => "interior-point",
        OptimizerSolver.GoldfarbIdnani => "goldfarb-idnani",
        OptimizerSolver.Unspecified => "auto",
        _ => throw Invalid("solver", $"unknown solver {(int)solver}"),
    };

    private static OptimizationException Invalid(string field, string message) => new(OptimizationErrorKind.InvalidInput, message, field);
}
