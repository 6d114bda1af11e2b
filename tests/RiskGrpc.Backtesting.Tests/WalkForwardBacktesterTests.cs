using RiskGrpc.Engine.Metrics;
using RiskGrpc.Optimization.Data;

namespace RiskGrpc.Backtesting.Tests;

public sealed class WalkForwardBacktesterTests
{
    public static TheoryData<string> Strategies => new(StrategyCatalog.Names);

    [Theory]
    [MemberData(nameof(Strategies))]
    public void WeightsChosenAtTIgnoreEveryRowAfterT(string strategy)
    {
        var returns = BacktestData.Stocks(["AAPL", "GE", "WMT", "XOM", "PFE"], 1100);
        var spec = new BacktestSpec { Returns = returns, Lookback = 252, CostBps = 10 };
        var original = Backtest.Run(spec, [StrategyCatalog.Create(strategy)]).Strategies[0];
        Assert.Null(original.Error);
        var t = original.Rebalances[original.Rebalances.Count / 2].Row;

        var perturbed = (double[,])returns.Values.Clone();
        var random = new Random(42);
        for (var r = t + 1; r < perturbed.GetLength(0); r++)
        {
            for (var a = 0; a < perturbed.GetLength(1); a++)
            {
                perturbed[r, a] = (random.NextDouble() - 0.5) * 0.2;
            }
        }

        var changed = Backtest.Run(spec with { Returns = new AssetTable(returns.Assets, returns.Labels, perturbed) }, [StrategyCatalog.Create(strategy)]).Strategies[0];
        var before = original.Rebalances.Where(x => x.Row <= t).ToList();
        Assert.NotEmpty(before);
        Assert.Equal(before.Select(x => x.Weights), changed.Rebalances.Where(x => x.Row <= t).Select(x => x.Weights));
        Assert.NotEqual(original.Returns[^1], changed.Returns[^1]);
        if (strategy != "equal-weight")
        {
            Assert.NotEqual(original.Rebalances[^1].Weights, changed.Rebalances[^1].Weights);
        }
    }

    [Fact]
    public void EqualWeightArithmeticMatchesAScalarReplay()
    {
        double[,] values =
        {
            { 0.00, 0.00 }, { 0.01, -0.02 }, { 0.02, 0.01 }, { -0.01, 0.03 }, { 0.00, 0.02 }, { 0.05, -0.01 }, { 0.01, 0.01 },
        };
        var table = BacktestData.Dated(values, new DateOnly(2024, 1, 1));
        var spec = new BacktestSpec { Returns = table, Lookback = 2, CostBps = 25, Schedule = RebalanceSchedule.Parse("every:3") };
        var result = Backtest.Run(spec, [StrategyCatalog.Create("equal-weight")]).Strategies[0];

        // Rebalances at rows 1 and 4; returns of rows 2..6.
        Assert.Equal([1, 4], result.Rebalances.Select(r => r.Row));
        double[] w = [0.5, 0.5];
        var expected = new List<double>();
        var pending = 1.0 * 25 / 10_000;
        var turnover = 1.0;
        for (var r = 2; r < 7; r++)
        {
            if (r == 5)
            {
                var traded = Math.Abs(0.5 - w[0]) + Math.Abs(0.5 - w[1]);
                turnover += traded;
                pending = traded * 25 / 10_000;
                w = [0.5, 0.5];
            }

            var gross = (w[0] * values[r, 0]) + (w[1] * values[r, 1]);
            expected.Add(((1 + gross) * (1 - pending)) - 1);
            pending = 0;
            w = [w[0] * (1 + values[r, 0]) / (1 + gross), w[1] * (1 + values[r, 1]) / (1 + gross)];
        }

        Assert.Equal(expected.Count, result.Returns.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], result.Returns[i], 15);
        }

        Assert.Equal(turnover, result.Turnover, 15);
        Assert.Equal(turnover * 25 / 10_000, result.Costs, 15);
        Assert.Equal(table.Labels.Skip(2), result.Dates);
    }

    [Fact]
    public void MetricsAreTheEnginesOnTheNetReturns()
    {
        var spec = new BacktestSpec { Returns = BacktestData.Stocks(["AAPL", "WMT", "XOM"], 800), RiskFreeRate = 0.02 };
        var result = Backtest.Run(spec, [StrategyCatalog.Create("min-volatility")]).Strategies[0];
        var direct = MetricsEngine.Create().Compute(new MetricsRequest { Returns = result.Returns, RiskFreeRate = 0.02, PeriodsPerYear = 252 });
        Assert.Equal(direct.Metrics.Sharpe, result.Metrics["sharpe"]);
        Assert.Equal(direct.Metrics.MaxDrawdown, result.Metrics["max_drawdown"]);
        Assert.Equal(MetricCatalogue.Returns.Count, result.Metrics.Count);
    }

    [Fact]
    public void MonthlyScheduleRebalancesOnMonthEndsAndUniverseGrowsWithListings()
    {
        var all = BacktestData.AllStocks;
        var spec = new BacktestSpec { Returns = all.SelectAssets(["AAPL", "GOOG", "WMT"]), Lookback = 252 };
        var result = Backtest.Run(spec, [StrategyCatalog.Create("equal-weight")]).Strategies[0];
        Assert.Null(result.Error);
        foreach (var r in result.Rebalances)
        {
            var month = r.Date[..7];
            Assert.NotEqual(month, spec.Returns.Labels[r.Row + 1][..7]);
        }

        var early = result.Rebalances[0];
        Assert.Equal([0.5, 0, 0.5], early.Weights);
        var late = result.Rebalances[^1];
        Assert.All(late.Weights, w => Assert.Equal(1 / 3.0, w, 14));
    }

    [Fact]
    public void StrategiesRunTogetherAndComparisonsAreReproducible()
    {
        var spec = new BacktestSpec { Returns = BacktestData.Stocks(["AAPL", "WMT", "XOM", "JPM"], 900) };
        IAllocationStrategy[] strategies = [StrategyCatalog.Create("equal-weight"), StrategyCatalog.Create("min-volatility"), StrategyCatalog.Create("hrp")];
        var progress = new List<BacktestProgress>();
        var first = Backtest.Run(spec, strategies, progress: new SynchronousProgress(progress));
        var second = Backtest.Run(spec, strategies);

        Assert.Equal(["equal-weight", "min-volatility", "hrp"], first.Strategies.Select(s => s.Name));
        Assert.Equal(2, first.Comparisons.Count);
        Assert.All(first.Comparisons, c => Assert.Equal("equal-weight", c.Baseline));
        Assert.Equal(first.Comparisons, second.Comparisons);
        Assert.Equal(first.Strategies[1].Returns, second.Strategies[1].Returns);
        Assert.Equal(3 * first.Strategies[0].Rebalances.Count, progress.Count);
        Assert.Equal(progress.Count, progress.Max(p => p.CompletedDecisions));
    }

    [Fact]
    public void AFailingStrategyReportsItsErrorAndTheOthersAnswer()
    {
        var spec = new BacktestSpec { Returns = BacktestData.Stocks(["AAPL", "WMT"], 600), MinWeight = 0.1 };
        var result = Backtest.Run(spec, [StrategyCatalog.Create("min-volatility"), StrategyCatalog.Create("supervised-knn")]);
        Assert.Null(result.Strategies[0].Error);
        Assert.Contains("minimum weight", result.Strategies[1].Error, StringComparison.Ordinal);
        Assert.Empty(result.Comparisons);
    }

    [Fact]
    public void CancellationStopsTheRun()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var spec = new BacktestSpec { Returns = BacktestData.Stocks(["AAPL", "WMT"], 600) };
        Assert.ThrowsAny<OperationCanceledException>(() => WalkForwardBacktester.Run(spec, [StrategyCatalog.Create("equal-weight")], cancellationToken: cts.Token));
    }

    [Theory]
    [InlineData("lookback")]
    [InlineData("cost_bps")]
    [InlineData("strategies")]
    [InlineData("baseline")]
    [InlineData("label")]
    public void InvalidInputNamesTheField(string field)
    {
        var returns = BacktestData.Stocks(["AAPL", "WMT"], 400);
        var spec = new BacktestSpec { Returns = returns };
        SharpeComparisonOptions? comparison = null;
        IAllocationStrategy[] strategies = [StrategyCatalog.Create("equal-weight")];
        switch (field)
        {
            case "lookback": spec = spec with { Lookback = 1 }; break;
            case "cost_bps": spec = spec with { CostBps = double.NaN }; break;
            case "strategies": strategies = [strategies[0], strategies[0]]; break;
            case "baseline": comparison = new SharpeComparisonOptions { Baseline = "nope" }; break;
            default:
                var labels = returns.Labels.ToArray();
                labels[5] = labels[4];
                spec = spec with { Returns = new AssetTable(returns.Assets, labels, returns.Values) };
                field = "returns.rows[5].label";
                break;
        }

        var ex = Assert.Throws<BacktestException>(() => Backtest.Run(spec, strategies, comparison));
        Assert.Equal(field, ex.Field);
    }

    [Fact]
    public void UnknownStrategyAndScheduleAreRejected()
    {
        Assert.Equal("strategies", Assert.Throws<BacktestException>(() => StrategyCatalog.Create("magic")).Field);
        Assert.Equal("rebalance", Assert.Throws<BacktestException>(() => RebalanceSchedule.Parse("every:0")).Field);
        Assert.Equal(RebalanceFrequency.Weekly, RebalanceSchedule.Parse("weekly").Frequency);
    }

    private sealed class SynchronousProgress(List<BacktestProgress> sink) : IProgress<BacktestProgress>
    {
        public void Report(BacktestProgress value)
        {
            lock (sink)
            {
                sink.Add(value);
            }
        }
    }
}
