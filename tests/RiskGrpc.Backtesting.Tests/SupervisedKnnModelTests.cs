using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Supervised;

namespace RiskGrpc.Backtesting.Tests;

public sealed class SupervisedKnnModelTests
{
    private static double[,] FirstRows(double[,] values, int rows)
    {
        var n = values.GetLength(1);
        var copy = new double[rows, n];
        Buffer.BlockCopy(values, 0, copy, 0, rows * n * sizeof(double));
        return copy;
    }

    [Fact]
    public void IncrementalPredictionsEqualFreshOnesOnTheSameRows()
    {
        var returns = BacktestData.Stocks(["AAPL", "WMT", "XOM", "JPM"], 1400).Values;
        var options = new SupervisedKnnOptions();
        var model = new SupervisedKnnModel(4, options);
        foreach (var t in new[] { 900, 1000, 1150, 1399 })
        {
            var rows = FirstRows(returns, t + 1);
            var incremental = model.Predict(rows);
            var fresh = SupervisedKnnModel.Allocate(rows, options);
            Assert.Null(incremental.Fallback);
            Assert.Equal(fresh.Weights, incremental.Weights);
            Assert.Equal(fresh.LOverC, incremental.LOverC);
            Assert.Equal(fresh.NeighbourCount, incremental.NeighbourCount);
            Assert.Equal(fresh.Neighbours, incremental.Neighbours);
        }
    }

    [Fact]
    public void PredictionIsAConvexCombinationOfLabelsWithDiagnostics()
    {
        var returns = BacktestData.Stocks(BacktestData.LongHistoryAssets, 1500).Values;
        var prediction = SupervisedKnnModel.Allocate(returns, new SupervisedKnnOptions { MaxWeight = 0.4 });

        Assert.Null(prediction.Fallback);
        Assert.Equal(1, prediction.Weights.Sum(), 9);
        Assert.All(prediction.Weights, w => Assert.InRange(w, -1e-9, 0.4 + 1e-9));
        Assert.Equal(prediction.NeighbourCount, prediction.Neighbours.Count);
        Assert.Equal(1, prediction.Neighbours.Sum(n => n.Weight), 12);
        Assert.True(prediction.Neighbours.Zip(prediction.Neighbours.Skip(1)).All(p => p.First.Distance <= p.Second.Distance));
        // Every neighbour's label window (s, s+21] ended by the query row.
        Assert.All(prediction.Neighbours, n => Assert.True(n.Row + 21 <= 1499));
        Assert.Equal((1499 - 21 - 251) / 21 + 1, prediction.TrainingPoints);
        Assert.Contains(prediction.LOverC, new SupervisedKnnOptions().LOverCGrid);
        Assert.True(prediction.ValidationPoints > 0);
    }

    [Fact]
    public void FewTrainingDatesFallBackToMinimumVarianceAndSaySo()
    {
        var returns = BacktestData.Stocks(["AAPL", "WMT", "XOM"], 400).Values;
        var prediction = SupervisedKnnModel.Allocate(returns, new SupervisedKnnOptions());
        Assert.NotNull(prediction.Fallback);
        Assert.Contains("minimum variance", prediction.Fallback, StringComparison.Ordinal);
        var expected = OptimalPortfolioLabel.MinimumVariance(returns, 400 - 252, 399, 0.01, 252);
        Assert.Equal(expected, prediction.Weights);
    }

    [Fact]
    public void LabelIsMaxSharpeOrMinVarianceWhenNoReturnBeatsTheRiskFreeRate()
    {
        var up = BacktestData.Random(21, 3, seed: 5, mean: 0.01, sd: 0.002);
        var w = OptimalPortfolioLabel.Compute(up, 0, 20, 0, 0.01, 252);
        Assert.Equal(1, w.Sum(), 9);

        var down = BacktestData.Random(21, 3, seed: 5, mean: -0.01, sd: 0.002);
        Assert.Equal(
            OptimalPortfolioLabel.MinimumVariance(down, 0, 20, 0.01, 252),
            OptimalPortfolioLabel.Compute(down, 0, 20, 0, 0.01, 252));
    }

    [Fact]
    public void FixedKAndEuclideanOptionsPredictFeasiblePortfolios()
    {
        var returns = BacktestData.Stocks(["AAPL", "WMT", "XOM", "JPM"], 1200).Values;
        foreach (var options in new[]
        {
            new SupervisedKnnOptions { Weighting = NeighbourWeighting.FixedInverseDistance },
            new SupervisedKnnOptions { Distance = NeighbourDistance.EuclideanZScore },
        })
        {
            var p = SupervisedKnnModel.Allocate(returns, options);
            Assert.Equal(1, p.Weights.Sum(), 9);
            Assert.All(p.Weights, w => Assert.True(w >= -1e-12));
            if (options.Weighting == NeighbourWeighting.FixedInverseDistance)
            {
                Assert.Equal((int)Math.Ceiling(Math.Sqrt(p.TrainingPoints)), p.NeighbourCount);
            }
        }
    }

    [Theory]
    [InlineData(1, "horizon")]
    [InlineData(-1, "k")]
    public void InvalidOptionsNameTheField(int value, string field)
    {
        var options = field == "horizon" ? new SupervisedKnnOptions { Horizon = value } : new SupervisedKnnOptions { FixedK = value };
        var ex = Assert.Throws<OptimizationException>(() => new SupervisedKnnModel(3, options));
        Assert.Equal(field, ex.Parameter);
    }
}
