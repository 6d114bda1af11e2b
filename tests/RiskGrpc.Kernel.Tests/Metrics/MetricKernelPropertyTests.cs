using CsCheck;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>Invariances of the metrics under bounded random series (CsCheck; failures shrink to a minimal series).</summary>
public sealed class MetricKernelPropertyTests
{
    private const long Iterations = 300;

    private static readonly Gen<double[]> Returns = Gen.Double[-0.08, 0.08].Array[3, 400];

    // Rounded to 1e-12 (a basis point is 1e-4): CsCheck also draws magnitudes like 1e-81, whose fourth centred powers
    // underflow to subnormals, so kurtosis (and PSR with it) would hold the scaling invariance only to their precision.
    private static readonly Gen<double[]> ScalableReturns = Gen.Double[-0.08, 0.08].Select(x => Math.Round(x, 12)).Array[3, 400];

    private static readonly double[] Levels = [0.95, 0.99];

    [Fact]
    public void Compute_ReturnsScaledByPositiveK_RatiosUnchangedVolatilityScaled()
    {
        Gen.Select(ScalableReturns, Gen.Double[0.05, 5.0]).Sample((r, k) =>
        {
            var scaled = r.Select(x => x * k).ToArray();

            var m = Run(r, out _);
            var s = Run(scaled, out _);

            Tolerance.Close(m.Sharpe, s.Sharpe, 1e-9, 1e-12, "sharpe");
            Tolerance.Close(m.Sortino, s.Sortino, 1e-9, 1e-12, "sortino");
            Tolerance.Close(m.ProbabilisticSharpeRatio, s.ProbabilisticSharpeRatio, 1e-9, 1e-12, "psr");
            Tolerance.Close(k * m.Volatility, s.Volatility, 1e-9, 1e-15, "volatility");
        }, iter: Iterations);
    }

    [Fact]
    public void Compute_AnySeries_MaxDrawdownNonPositiveWinRateInUnitInterval()
    {
        Returns.Sample(r =>
        {
            var m = Run(r, out _);

            Assert.True(m.MaxDrawdown <= 0, $"max drawdown {m.MaxDrawdown}");
            if (r.All(x => x == 0))
            {
                // The catalogue: win rate is wins / non-zero returns, NaN when there are none (CsCheck does draw all zeros).
                Assert.True(double.IsNaN(m.WinRate), $"win rate {m.WinRate} of an all-zero series");
            }
            else
            {
                Assert.InRange(m.WinRate, 0, 1);
            }

            Assert.InRange(m.Exposure, 0, 1);
            Assert.True(m.AvgDrawdown <= 0 && m.AvgDrawdown >= m.MaxDrawdown);
        }, iter: Iterations);
    }

    [Fact]
    public void Compute_AnySeries_CvarAtOrBelowVar()
    {
        Returns.Sample(r =>
        {
            Run(r, out var tail);

            foreach (var t in tail)
            {
                Assert.True(t.CvarHistorical <= t.VarHistorical, $"c={t.Confidence}: cvar {t.CvarHistorical} > var {t.VarHistorical}");
                Assert.True(t.CvarGaussian <= t.VarGaussian, $"c={t.Confidence}: gaussian cvar above var");
                Assert.True(t.CvarQuantstats <= t.VarGaussian, $"c={t.Confidence}: quantstats cvar above var");
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Compute_PermutedSeries_MomentAndQuantileMetricsUnchanged()
    {
        Gen.Select(Returns, Gen.Int).Sample((r, seed) =>
        {
            var permuted = r.ToArray();
            new Random(seed).Shuffle(permuted);

            var m = Run(r, out var t);
            var p = Run(permuted, out var tp);

            foreach (var (name, a, b) in new[]
            {
                ("mean", m.Mean, p.Mean), ("stdev", m.Stdev, p.Stdev), ("skew", m.Skew, p.Skew), ("kurtosis", m.Kurtosis, p.Kurtosis),
                ("sharpe", m.Sharpe, p.Sharpe), ("sortino", m.Sortino, p.Sortino), ("omega", m.Omega, p.Omega),
                ("total return", m.TotalReturn, p.TotalReturn), ("win rate", m.WinRate, p.WinRate), ("tail ratio", m.TailRatio, p.TailRatio),
                ("var", t[0].VarHistorical, tp[0].VarHistorical), ("cvar", t[1].CvarHistorical, tp[1].CvarHistorical),
            })
            {
                Tolerance.Close(a, b, 1e-9, 1e-14, name);
            }
        }, iter: Iterations);
    }

    private static ReturnMetrics Run(double[] r, out TailRiskMetrics[] tail)
    {
        tail = new TailRiskMetrics[Levels.Length];
        MetricKernel.Compute(r, MetricParameters.Default, Levels, new double[MetricKernel.ScratchLength(r.Length)], out var m, tail);
        return m;
    }
}
