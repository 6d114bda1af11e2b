using RiskGrpc.Kernel.Tests.Relative;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Rolling;

/// <summary>
/// The rolling kernel against the production scalar kernels on each window: <see cref="MetricKernel"/> for sharpe,
/// volatility, sortino and max drawdown, <see cref="RelativeMetricKernel"/> for beta. Together with the plain
/// per-window reference this pins "each value equals the scalar metric on that window" to the code the server uses.
/// </summary>
public sealed class RollingMetricKernelConsistencyTests
{
    private static readonly MetricParameters Parameters = new(252, 0.03);

    public static TheoryData<int> Windows() => new(2, 3, 5, 21, 40);

    [Theory]
    [MemberData(nameof(Windows))]
    public void Rolling_RegimeSeriesWindow_EqualsMetricKernelOnEachWindow(int window)
    {
        // Arrange
        var x = RollingTestData.Regimes(300, seed: 500 + window);
        var count = RollingMetricKernel.OutputLength(x.Length, window);
        var sharpe = new double[count];
        var volatility = new double[count];
        var sortino = new double[count];
        var maxDrawdown = new double[count];
        var scratch = new double[MetricKernel.ScratchLength(window)];

        // Act
        RollingMetricKernel.Sharpe(x, window, Parameters, sharpe);
        RollingMetricKernel.Volatility(x, window, Parameters, volatility);
        RollingMetricKernel.Sortino(x, window, Parameters, sortino);
        RollingMetricKernel.MaxDrawdown(x, window, maxDrawdown);

        // Assert
        for (var i = 0; i < count; i++)
        {
            var w = x.AsSpan(i, window);
            MetricKernel.Compute(w, Parameters, [], scratch, out var m, []);
            var scale = ErrorScale(w, m.Stdev);
            Tolerance.Close(m.Sharpe, sharpe[i], 1e-9, scale, $"sharpe w={window} i={i}");
            Tolerance.Close(m.Volatility, volatility[i], 1e-9, 1e-15, $"volatility w={window} i={i}");
            Tolerance.Close(m.Sortino, sortino[i], 1e-9, ErrorScale(w, m.DownsideRisk / Math.Sqrt(Parameters.PeriodsPerYear)), $"sortino w={window} i={i}");
            Tolerance.Close(m.MaxDrawdown, maxDrawdown[i], 1e-9, 1e-15, $"max drawdown w={window} i={i}");
        }
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Beta_RegimeSeriesWindow_EqualsRelativeMetricKernelOnEachWindow(int window)
    {
        var r = RollingTestData.Regimes(300, seed: 600 + window);
        var b = RollingTestData.Regimes(300, seed: 700 + window);
        var beta = new double[RollingMetricKernel.OutputLength(r.Length, window)];
        var scratch = new double[RelativeMetricKernel.ScratchLength(window)];

        RollingMetricKernel.Beta(r, b, window, beta);

        for (var i = 0; i < beta.Length; i++)
        {
            RelativeMetricKernel.Compute(r.AsSpan(i, window), b.AsSpan(i, window), Parameters, scratch, out var m);
            // Beta near zero is a difference of co-moments: its error scales with sd(r)/sd(b), not with beta.
            var floor = 1e-12 * ScalarRelativeReference.SampleSd(r[i..(i + window)]) / ScalarRelativeReference.SampleSd(b[i..(i + window)]);
            Tolerance.Close(m.Beta, beta[i], 1e-9, double.IsFinite(floor) ? Math.Max(floor, 1e-15) : 1e-15, $"beta w={window} i={i}");
        }
    }

    /// <summary>An error in the mean of ~1e-12·max|e| moves a ratio mean/spread·√A by this much.</summary>
    private static double ErrorScale(ReadOnlySpan<double> w, double spread)
    {
        var maxAbs = 0.0;
        foreach (var v in w)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(v));
        }

        var s = 1e-12 * maxAbs / spread * Math.Sqrt(Parameters.PeriodsPerYear);
        return double.IsFinite(s) ? Math.Max(s, 1e-15) : 1e-15;
    }
}
