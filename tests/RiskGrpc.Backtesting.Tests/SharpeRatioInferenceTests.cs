namespace RiskGrpc.Backtesting.Tests;

public sealed class SharpeRatioInferenceTests
{
    [Fact]
    public void MemmelStatisticMatchesTheClosedForm()
    {
        var data = BacktestData.Random(500, 2, seed: 9);
        var a = Enumerable.Range(0, 500).Select(r => data[r, 0]).ToArray();
        var b = Enumerable.Range(0, 500).Select(r => (0.5 * data[r, 0]) + data[r, 1]).ToArray();

        // Independent two-pass computation.
        static (double M, double S) Ms(double[] x)
        {
            var m = x.Average();
            return (m, Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1)));
        }

        var (ma, sa) = Ms(a);
        var (mb, sb) = Ms(b);
        var rho = a.Zip(b).Sum(p => (p.First - ma) * (p.Second - mb)) / (a.Length - 1) / (sa * sb);
        double srA = ma / sa, srB = mb / sb;
        var theta = (2 - (2 * rho) + (0.5 * ((srA * srA) + (srB * srB) - (2 * srA * srB * rho * rho)))) / a.Length;
        var (z, p) = SharpeRatioInference.Memmel(a, b, 0);
        Assert.Equal((srA - srB) / Math.Sqrt(theta), z, 12);
        Assert.InRange(p, 0, 1);
        Assert.Equal(srA * Math.Sqrt(252), SharpeRatioInference.Sharpe(a, 0, 252), 12);
    }

    [Fact]
    public void IdenticalSeriesHaveNoDifference()
    {
        var data = BacktestData.Random(300, 1, seed: 1);
        var a = Enumerable.Range(0, 300).Select(r => data[r, 0]).ToArray();
        var c = SharpeRatioInference.Compare("a", a, "b", a, 0, 252, new SharpeComparisonOptions());
        Assert.Equal(0, c.Difference);
        Assert.Equal(0, c.IntervalLow);
        Assert.Equal(0, c.IntervalHigh);
        Assert.Equal(1, c.BootstrapPValue);
    }

    [Fact]
    public void ClearlyBetterSeriesIsSignificantAndTheIntervalCoversTheEstimate()
    {
        var data = BacktestData.Random(2000, 2, seed: 4, mean: 0, sd: 0.01);
        var good = Enumerable.Range(0, 2000).Select(r => data[r, 0] + 0.003).ToArray();
        var bad = Enumerable.Range(0, 2000).Select(r => data[r, 1] - 0.001).ToArray();
        var options = new SharpeComparisonOptions { Seed = 7, Resamples = 1000 };
        var c = SharpeRatioInference.Compare("good", good, "bad", bad, 0, 252, options);
        Assert.True(c.Difference > 0);
        Assert.InRange(c.Difference, c.IntervalLow, c.IntervalHigh);
        Assert.True(c.IntervalLow > 0);
        Assert.True(c.BootstrapPValue < 0.01);
        Assert.True(c.MemmelPValue < 0.01);
        Assert.Equal(c, SharpeRatioInference.Compare("good", good, "bad", bad, 0, 252, options));
    }

    [Fact]
    public void EqualSharpeSeriesAreNotRejected()
    {
        var rejections = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var data = BacktestData.Random(600, 2, seed: 100 + seed, mean: 0.0005, sd: 0.01);
            var a = Enumerable.Range(0, 600).Select(r => data[r, 0]).ToArray();
            var b = Enumerable.Range(0, 600).Select(r => data[r, 1] / 1.3).ToArray();
            var c = SharpeRatioInference.Compare("a", a, "b", b, 0, 252, new SharpeComparisonOptions { Resamples = 300, Seed = seed });
            rejections += c.MemmelPValue < 0.05 ? 1 : 0;
        }

        // Under the null about 5 % of 40 draws reject; more than 8 would mean a miscalibrated test.
        Assert.InRange(rejections, 0, 8);
    }
}
