using BenchmarkDotNet.Attributes;
using RiskGrpc.Backtesting;
using RiskGrpc.Benchmarks.Optimization;
using RiskGrpc.Optimization.Data;

namespace RiskGrpc.Benchmarks.Backtesting;

/// <summary>
/// A 20-asset, 10-year (2,520 daily rows, seeded factor model) walk-forward backtest with monthly rebalancing and a
/// 252-row lookback. Targets on 2 cores: the five classical strategies ≤ 200 ms; with supervised k*-NN ≤ 2 s.
/// </summary>
public class BacktestBenchmarks
{
    private static readonly string[] Classical = ["equal-weight", "min-volatility", "max-sharpe", "risk-parity", "hrp"];
    private BacktestSpec _spec = null!;

    /// <summary>Builds the dated returns table and checks both runs succeed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var returns = SyntheticMarket.Create(20, seed: 11, t: 2520).Returns;
        var labels = new List<string>();
        var date = new DateOnly(2010, 1, 4);
        while (labels.Count < returns.GetLength(0))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                labels.Add(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }

            date = date.AddDays(1);
        }

        var assets = Enumerable.Range(0, 20).Select(i => $"S{i:00}").ToArray();
        _spec = new BacktestSpec { Returns = new AssetTable(assets, labels, returns) };
        if (ClassicalFive().Strategies.Any(s => s.Error is not null) || WithSupervisedKnn().Strategies.Any(s => s.Error is not null))
        {
            throw new InvalidOperationException("a strategy failed");
        }
    }

    /// <summary>Equal weight, min volatility, max Sharpe, risk parity and HRP, with the Sharpe comparisons.</summary>
    [Benchmark]
    public BacktestResult ClassicalFive() => WalkForwardBacktester.Run(_spec, [.. Classical.Select(n => StrategyCatalog.Create(n))]);

    /// <summary>The same five plus supervised k*-NN (training set extended and L/C revalidated at every rebalance).</summary>
    [Benchmark]
    public BacktestResult WithSupervisedKnn() => WalkForwardBacktester.Run(_spec, [.. Classical.Append("supervised-knn").Select(n => StrategyCatalog.Create(n))]);
}
