using RiskGrpc.Backtesting;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Supervised;
using RiskGrpc.Server.Optimization;

namespace RiskGrpc.Server.Backtesting;

/// <summary>Translates <see cref="RunBacktestRequest"/> into a <see cref="BacktestSpec"/>, its strategies and comparison settings.</summary>
internal static class BacktestRequestMapper
{
    /// <summary>Maximum strategies in one request.</summary>
    public const int MaxStrategies = 32;

    public static (BacktestSpec Spec, IReadOnlyList<IAllocationStrategy> Strategies, SharpeComparisonOptions Comparison) Map(RunBacktestRequest request)
    {
        try
        {
            var returns = request.DataCase switch
            {
                RunBacktestRequest.DataOneofCase.Prices => OptimizerRequestMapper.Table(request.Prices, "prices").ToSimpleReturns(),
                RunBacktestRequest.DataOneofCase.Returns => OptimizerRequestMapper.Table(request.Returns, "returns"),
                _ => throw OptimizerRpcErrors.InvalidArgument("data", "prices or returns is required"),
            };
            if (request.Strategies.Count == 0 || request.Strategies.Count > MaxStrategies)
            {
                throw OptimizerRpcErrors.InvalidArgument("strategies", $"name between 1 and {MaxStrategies} strategies");
            }

            var knn = request.SupervisedKnn is null ? new SupervisedKnnOptions() : SupervisedKnnSettingsMapper.Map(request.SupervisedKnn, "supervised_knn");
            var strategies = request.Strategies.Select(name => StrategyCatalog.Create(name, knn)).ToArray();
            var spec = new BacktestSpec
            {
                Returns = returns,
                Schedule = string.IsNullOrEmpty(request.Rebalance) ? RebalanceSchedule.Monthly : RebalanceSchedule.Parse(request.Rebalance),
                Lookback = request.Lookback == 0 ? 252 : request.Lookback,
                CostBps = request.HasCostBps ? request.CostBps : 10,
                RiskFreeRate = request.RiskFreeRate,
                PeriodsPerYear = request.PeriodsPerYear == 0 ? 252 : request.PeriodsPerYear,
                MinWeight = request.HasMinWeight ? request.MinWeight : 0,
                MaxWeight = request.HasMaxWeight ? request.MaxWeight : 1,
                Horizon = knn.Horizon,
            };
            if (request.BootstrapResamples is < 0 or > 100_000)
            {
                throw OptimizerRpcErrors.InvalidArgument("bootstrap_resamples", "bootstrap resamples must be between 0 and 100000");
            }

            var comparison = new SharpeComparisonOptions
            {
                Baseline = string.IsNullOrEmpty(request.Baseline) ? null : request.Baseline,
                Resamples = request.BootstrapResamples == 0 ? 2000 : request.BootstrapResamples,
                Seed = request.HasSeed ? request.Seed : new SharpeComparisonOptions().Seed,
            };
            return (spec, strategies, comparison);
        }
        catch (BacktestException ex)
        {
            throw OptimizerRpcErrors.InvalidArgument(ex.Field, ex.Message);
        }
        catch (OptimizationException ex) when (ex.Kind == OptimizationErrorKind.InvalidInput)
        {
            throw OptimizerRpcErrors.InvalidArgument(request.DataCase == RunBacktestRequest.DataOneofCase.Prices ? "prices" : "returns", ex.Message);
        }
    }
}
