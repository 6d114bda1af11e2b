using RiskGrpc.Kernel.Tests.Relative;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Rolling;

public sealed class RollingMetricKernelTests
{
    private static readonly MetricParameters Parameters = new(252, 0.03);

    public static TheoryData<int> Windows() => new(Enumerable.Range(2, 39));

    [Theory]
    [MemberData(nameof(Windows))]
    public void Sharpe_RegimeSeriesWindow_EveryValueEqualsScalarOnWindow(int window) =>
        AssertEveryWindow(window, (x, w, d) => RollingMetricKernel.Sharpe(x, w, Parameters, d), v => ScalarWindowReference.Sharpe(v, Parameters), SharpeScale);

    [Theory]
    [MemberData(nameof(Windows))]
    public void Volatility_RegimeSeriesWindow_EveryValueEqualsScalarOnWindow(int window) =>
        AssertEveryWindow(window, (x, w, d) => RollingMetricKernel.Volatility(x, w, Parameters, d), v => ScalarWindowReference.Volatility(v, Parameters), _ => 0);

    [Theory]
    [MemberData(nameof(Windows))]
    public void Sortino_RegimeSeriesWindow_EveryValueEqualsScalarOnWindow(int window) =>
        AssertEveryWindow(window, (x, w, d) => RollingMetricKernel.Sortino(x, w, Parameters, d), v => ScalarWindowReference.Sortino(v, Parameters), SortinoScale);

    [Theory]
    [MemberData(nameof(Windows))]
    public void MaxDrawdown_RegimeSeriesWindow_EveryValueEqualsScalarOnWindow(int window) =>
        AssertEveryWindow(window, RollingMetricKernel.MaxDrawdown, ScalarWindowReference.MaxDrawdown, _ => 0);

    [Theory]
    [MemberData(nameof(Windows))]
    public void Beta_RegimeSeriesWindow_EveryValueEqualsScalarOnWindow(int window)
    {
        // Arrange
        var r = RollingTestData.Regimes(311, seed: window);
        var b = RollingTestData.Regimes(311, seed: 100 + window);
        var actual = new double[RollingMetricKernel.OutputLength(r.Length, window)];

        // Act
        RollingMetricKernel.Beta(r, b, window, actual);

        // Assert
        for (var i = 0; i < actual.Length; i++)
        {
            var wr = r[i..(i + window)];
            var wb = b[i..(i + window)];
            var expected = ScalarWindowReference.Beta(wr, wb);

            // Beta near zero is a difference of co-moments: its error scales with sd(r)/sd(b), not with beta.
            var floor = 1e-12 * ScalarRelativeReference.SampleSd(wr) / ScalarRelativeReference.SampleSd(wb);
            Tolerance.Close(expected, actual[i], 1e-9, double.IsFinite(floor) ? Math.Max(floor, 1e-15) : 1e-15, $"w={window} i={i}");
        }
    }

    [Fact]
    public void Sharpe_LongSeriesManySlides_StaysWithinTolerance()
    {
        // 20 000 slides without a forced re-anchor: the compensated sums must not drift.
        const int Window = 21;
        var x = RollingTestData.Regimes(20_021, seed: 3);
        var actual = new double[RollingMetricKernel.OutputLength(x.Length, Window)];

        RollingMetricKernel.Sharpe(x, Window, Parameters, actual);

        for (var i = 0; i < actual.Length; i += 97)
        {
            var w = x[i..(i + Window)];
            Tolerance.Close(ScalarWindowReference.Sharpe(w, Parameters), actual[i], 1e-9, SharpeScale(w), $"i={i}");
        }

        var last = x[^Window..];
        Tolerance.Close(ScalarWindowReference.Sharpe(last, Parameters), actual[^1], 1e-9, SharpeScale(last), "last");
    }

    [Fact]
    public void Volatility_AlternatingVolatileAndCalmBlocks_NoAccumulatedDrift()
    {
        // Zero-mean blocks never trigger a re-anchor, so the sums slide for 20 000 rows; the calm windows' M2 is 1e-7 of
        // the volatile ones', so uncompensated sums would leave errors far above 1e-9 there.
        const int Window = 21;
        var rng = new Random(11);
        var x = Enumerable.Range(0, 20_000)
            .Select(i => RelativeMetricKernelTests.Normal(rng, 0, (i / 100) % 2 == 0 ? 0.05 : 0.00001))
            .ToArray();
        var actual = new double[RollingMetricKernel.OutputLength(x.Length, Window)];

        RollingMetricKernel.Volatility(x, Window, Parameters, actual);

        for (var i = 0; i < actual.Length; i++)
        {
            var w = x[i..(i + Window)];
            Tolerance.Close(ScalarWindowReference.Volatility(w, Parameters), actual[i], 1e-9, 1e-15, $"i={i}");
        }
    }

    [Fact]
    public void Rolling_ConstantSeries_DegenerateValuesAsScalar()
    {
        var constant = Enumerable.Repeat(0.01, 10).ToArray();
        var zeros = new double[10];
        var d = new double[RollingMetricKernel.OutputLength(10, 4)];

        RollingMetricKernel.Sharpe(constant, 4, MetricParameters.Default, d);
        Assert.All(d, v => Assert.Equal(double.PositiveInfinity, v));
        RollingMetricKernel.Sharpe(zeros, 4, MetricParameters.Default, d);
        Assert.All(d, v => Assert.True(double.IsNaN(v)));
        RollingMetricKernel.Volatility(constant, 4, MetricParameters.Default, d);
        Assert.All(d, v => Assert.Equal(0, v));
        RollingMetricKernel.Sortino(constant, 4, MetricParameters.Default, d);
        Assert.All(d, v => Assert.Equal(double.PositiveInfinity, v));
        RollingMetricKernel.Sortino(zeros, 4, MetricParameters.Default, d);
        Assert.All(d, v => Assert.True(double.IsNaN(v)));
        RollingMetricKernel.MaxDrawdown(constant, 4, d);
        Assert.All(d, v => Assert.Equal(0, v));
        RollingMetricKernel.Beta(constant, constant.ToArray(), 4, d);
        Assert.All(d, v => Assert.True(double.IsNaN(v), "constant benchmark"));
        RollingMetricKernel.Beta(constant, [0.01, -0.02, 0.03, 0.01, 0.0, 0.02, -0.01, 0.04, 0.01, 0.0], 4, d);
        Assert.All(d, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Sharpe_WindowEqualsLength_SingleValueEqualsScalar()
    {
        double[] x = [0.01, -0.02, 0.015, 0.003, -0.007];
        var d = new double[1];

        RollingMetricKernel.Sharpe(x, x.Length, Parameters, d);

        Tolerance.Close(ScalarWindowReference.Sharpe(x, Parameters), d[0], 1e-12);
    }

    [Fact]
    public void Rolling_SeriesShorterThanWindow_WritesNothing()
    {
        var d = new double[] { 42 };

        RollingMetricKernel.Sharpe([0.01, 0.02], 3, Parameters, d);
        RollingMetricKernel.MaxDrawdown([0.01, 0.02], 3, d);
        RollingMetricKernel.Beta([0.01, 0.02], [0.0, 0.01], 3, d);

        Assert.Equal(0, RollingMetricKernel.OutputLength(2, 3));
        Assert.Equal(42, d[0]);
    }

    public static TheoryData<string> InvalidCalls() => new(Invalid.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public void Rolling_InvalidArguments_Throws(string scenario) =>
        Assert.Throws<ArgumentException>(Invalid[scenario]);

    private static readonly Dictionary<string, Action> Invalid = new()
    {
        ["sharpe window 1"] = () => RollingMetricKernel.Sharpe([0.1, 0.2], 1, Parameters, new double[2]),
        ["volatility window 0"] = () => RollingMetricKernel.Volatility([0.1, 0.2], 0, Parameters, new double[3]),
        ["sortino destination too short"] = () => RollingMetricKernel.Sortino([0.1, 0.2, 0.3, 0.4], 2, Parameters, new double[2]),
        ["max drawdown destination too short"] = () => RollingMetricKernel.MaxDrawdown([0.1, 0.2, 0.3], 2, new double[1]),
        ["max drawdown window 1"] = () => RollingMetricKernel.MaxDrawdown([0.1, 0.2, 0.3], 1, new double[3]),
        ["beta length mismatch"] = () => RollingMetricKernel.Beta([0.1, 0.2, 0.3], [0.1, 0.2], 2, new double[2]),
        ["beta window 1"] = () => RollingMetricKernel.Beta([0.1, 0.2], [0.1, 0.2], 1, new double[2]),
        ["sharpe in place"] = () =>
        {
            var x = new[] { 0.1, 0.2, 0.3, 0.4 };
            RollingMetricKernel.Sharpe(x, 2, Parameters, x);
        },
        ["beta destination overlaps benchmark"] = () =>
        {
            var b = new[] { 0.1, 0.2, 0.3, 0.4 };
            RollingMetricKernel.Beta([0.1, 0.3, 0.2, 0.5], b, 2, b.AsSpan(1));
        },
    };

    private delegate void RollingCall(ReadOnlySpan<double> x, int window, Span<double> destination);

    /// <summary>Sharpe's error is an error of the mean over sd: scale it by max|e| / sd.</summary>
    private static double SharpeScale(double[] w)
    {
        var sd = ScalarRelativeReference.SampleSd(w);
        var s = 1e-12 * w.Max(Math.Abs) / sd * Math.Sqrt(Parameters.PeriodsPerYear);
        return double.IsFinite(s) ? s : 0;
    }

    private static double SortinoScale(double[] w)
    {
        var downside = Math.Sqrt(w.Select(x => Math.Min(x - Parameters.RiskFreePerPeriod, 0)).Select(x => x * x).Average());
        var s = 1e-12 * w.Max(Math.Abs) / downside * Math.Sqrt(Parameters.PeriodsPerYear);
        return double.IsFinite(s) ? s : 0;
    }

    private static void AssertEveryWindow(int window, RollingCall rolling, Func<double[], double> scalar, Func<double[], double> absScale)
    {
        // Arrange
        var x = RollingTestData.Regimes(307, seed: window);
        var actual = new double[RollingMetricKernel.OutputLength(x.Length, window)];

        // Act
        rolling(x, window, actual);

        // Assert
        for (var i = 0; i < actual.Length; i++)
        {
            var w = x[i..(i + window)];
            Tolerance.Close(scalar(w), actual[i], 1e-9, Math.Max(1e-15, absScale(w)), $"w={window} i={i}");
        }
    }
}
