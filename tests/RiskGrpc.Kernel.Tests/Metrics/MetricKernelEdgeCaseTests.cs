namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>The catalogue's degenerate-input rules, each pinned on a hand-made series.</summary>
public sealed class MetricKernelEdgeCaseTests
{
    [Fact]
    public void Compute_EmptySeries_NaNEverywhereWithCountsZero()
    {
        var tail = new TailRiskMetrics[1];

        var m = Run([], tail, 0.95);

        foreach (var p in typeof(ReturnMetrics).GetProperties())
        {
            var v = (double)p.GetValue(m)!;
            if (p.Name is nameof(ReturnMetrics.ConsecutiveWins) or nameof(ReturnMetrics.ConsecutiveLosses) or nameof(ReturnMetrics.DrawdownCount)
                or nameof(ReturnMetrics.MaxDrawdownDuration) or nameof(ReturnMetrics.AvgDrawdown) or nameof(ReturnMetrics.AvgDrawdownDuration))
            {
                Assert.Equal(0, v);
            }
            else
            {
                Assert.True(double.IsNaN(v), $"{p.Name} = {v}");
            }
        }

        Assert.Equal(0.95, tail[0].Confidence);
        Assert.True(double.IsNaN(tail[0].VarHistorical) && double.IsNaN(tail[0].CvarQuantstats));
    }

    [Fact]
    public void Compute_SingleReturn_SpreadMetricsNaNLevelMetricsDefined()
    {
        var tail = new TailRiskMetrics[1];

        var m = Run([0.02], tail, 0.95);

        Assert.True(double.IsNaN(m.Volatility) && double.IsNaN(m.Sharpe) && double.IsNaN(m.UlcerIndex) && double.IsNaN(m.Skew));
        Assert.True(double.IsNaN(m.Kurtosis) && double.IsNaN(m.AutocorrPenalty) && double.IsNaN(m.ProbabilisticSharpeRatio) && double.IsNaN(m.Stability));
        Assert.Equal(0.02, m.TotalReturn, 15);
        Assert.Equal(Math.Pow(1.02, 252) - 1, m.Cagr, 12);
        Assert.Equal(0.02, tail[0].VarHistorical);
        Assert.Equal(0.02, tail[0].CvarHistorical);
        Assert.True(double.IsNaN(tail[0].VarGaussian));
    }

    [Fact]
    public void Compute_NoDownsideWithPositiveMean_SortinoPositiveInfinity()
    {
        var m = Run([0.01, 0.02, 0.005, 0.03], [], 0.95);

        Assert.Equal(double.PositiveInfinity, m.Sortino);
        Assert.Equal(double.PositiveInfinity, m.ProfitFactor);
        Assert.True(double.IsNaN(m.GainToPainRatio));
        Assert.True(double.IsNaN(m.Omega));
        Assert.True(double.IsNaN(m.Calmar));
        Assert.Equal(0, m.MaxDrawdown);
        Assert.Equal(0, m.DrawdownCount);
    }

    [Fact]
    public void Compute_AllZeroReturns_ZeroOverZeroRatiosAreNaNAndProfitFactorZero()
    {
        var m = Run(new double[10], [], 0.95);

        Assert.True(double.IsNaN(m.WinRate) && double.IsNaN(m.Sortino) && double.IsNaN(m.Sharpe) && double.IsNaN(m.Omega));
        Assert.True(double.IsNaN(m.Stability) && double.IsNaN(m.TailRatio) && double.IsNaN(m.Rar));
        Assert.Equal(0, m.ProfitFactor);
        Assert.Equal(0, m.Exposure);
        Assert.Equal(0, m.Volatility);
    }

    [Fact]
    public void Compute_ConstantPositiveSeries_ExactZeroSpreadInfiniteSharpeNaNSkew()
    {
        var m = Run(Enumerable.Repeat(0.001, 100).ToArray(), [], 0.95);

        Assert.Equal(0.001, m.Mean);
        Assert.Equal(0, m.Stdev);
        Assert.Equal(double.PositiveInfinity, m.Sharpe);
        Assert.True(double.IsNaN(m.Skew) && double.IsNaN(m.KurtosisBiased));
    }

    [Fact]
    public void Compute_UnderwaterFromFirstRow_CountsThatEpisodeFromTheInitialCapital()
    {
        // W = 0.9, 0.945, 1.0395 (recovers on row 2), then 1.0395·0.98 (open episode of 1 period at the end).
        var m = Run([-0.1, 0.05, 0.1, -0.02], [], 0.95);

        Assert.Equal(2, m.DrawdownCount);
        Assert.Equal(3, m.MaxDrawdownDuration);
        Assert.Equal(2, m.AvgDrawdownDuration);
        Assert.Equal((-0.1 + -0.02) / 2, m.AvgDrawdown, 14);
        Assert.Equal(-0.1, m.MaxDrawdown, 15);
    }

    [Fact]
    public void Compute_ScratchTooShort_ThrowsArgumentException()
    {
        var r = new double[100];

        var ex = Assert.Throws<ArgumentException>(() =>
            MetricKernel.Compute(r, MetricParameters.Default, [0.95], new double[MetricKernel.ScratchLength(100) - 1], out _, new TailRiskMetrics[1]));

        Assert.Equal("scratch", ex.ParamName);
    }

    [Fact]
    public void Compute_TailDestinationTooShort_ThrowsArgumentException()
    {
        var r = new double[100];

        var ex = Assert.Throws<ArgumentException>(() =>
            MetricKernel.Compute(r, MetricParameters.Default, [0.95, 0.99], new double[MetricKernel.ScratchLength(100)], out _, new TailRiskMetrics[1]));

        Assert.Equal("tailRisk", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Compute_ConfidenceOutsideOpenUnitInterval_ThrowsArgumentOutOfRange(double c)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MetricKernel.Compute(new double[10], MetricParameters.Default, [c], new double[MetricKernel.ScratchLength(10)], out _, new TailRiskMetrics[1]));
    }

    [Fact]
    public void Compute_WarmCallOn2520Returns_AllocatesNothing()
    {
        var r = ReturnSeries.Create("gaussian", 2520, seed: 7);
        var scratch = new double[MetricKernel.ScratchLength(r.Length)];
        var tail = new TailRiskMetrics[2];
        double[] levels = [0.95, 0.99];
        for (var i = 0; i < 3; i++)
        {
            MetricKernel.Compute(r, MetricParameters.Default, levels, scratch, out _, tail);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        MetricKernel.Compute(r, MetricParameters.Default, levels, scratch, out var m, tail);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(m.Volatility > 0);
    }

    private static ReturnMetrics Run(double[] r, TailRiskMetrics[] tail, double c)
    {
        double[] levels = tail.Length == 0 ? [] : [c];
        MetricKernel.Compute(r, MetricParameters.Default, levels, new double[MetricKernel.ScratchLength(r.Length)], out var m, tail);
        return m;
    }
}
