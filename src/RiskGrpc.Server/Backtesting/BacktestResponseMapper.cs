using RiskGrpc.Contracts.V1;
using Bt = RiskGrpc.Backtesting;

namespace RiskGrpc.Server.Backtesting;

/// <summary>Maps backtest results to their proto form.</summary>
internal static class BacktestResponseMapper
{
    public static BacktestResult Result(IReadOnlyList<string> assets, Bt.BacktestResult result)
    {
        var proto = new BacktestResult();
        proto.Assets.Add(assets);
        foreach (var s in result.Strategies)
        {
            var strategy = new BacktestStrategyResult
            {
                Name = s.Name,
                Turnover = s.Turnover,
                AnnualTurnover = s.AnnualTurnover,
                Costs = s.Costs,
                Error = s.Error ?? string.Empty,
            };
            strategy.Dates.Add(s.Dates);
            strategy.Returns.Add(s.Returns);
            foreach (var (name, value) in s.Metrics)
            {
                strategy.Metrics[name] = value;
            }

            foreach (var r in s.Rebalances)
            {
                var rebalance = new BacktestRebalance { Date = r.Date, Turnover = r.Turnover, Cost = r.Cost, Note = r.Note ?? string.Empty };
                rebalance.Weights.Add(r.Weights);
                strategy.Rebalances.Add(rebalance);
            }

            proto.Strategies.Add(strategy);
        }

        foreach (var c in result.Comparisons)
        {
            proto.Comparisons.Add(new SharpeRatioComparison
            {
                Strategy = c.Strategy,
                Baseline = c.Baseline,
                StrategySharpe = c.StrategySharpe,
                BaselineSharpe = c.BaselineSharpe,
                Difference = c.Difference,
                IntervalLow = c.IntervalLow,
                IntervalHigh = c.IntervalHigh,
                Confidence = c.Confidence,
                BootstrapPValue = c.BootstrapPValue,
                MemmelZ = c.MemmelZ,
                MemmelPValue = c.MemmelPValue,
                Resamples = c.Resamples,
                MeanBlockLength = c.MeanBlockLength,
                Seed = c.Seed,
            });
        }

        return proto;
    }
}
