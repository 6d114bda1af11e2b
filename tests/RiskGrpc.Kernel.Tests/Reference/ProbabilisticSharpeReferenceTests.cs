using MathNet.Numerics.Distributions;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Reference;

/// <summary>
/// The catalogue's PSR deliberately differs from quantstats.probabilistic_sharpe_ratio. QuantStats 0.0.81 computes
/// σ_SR = √((1 + SR²/2 − G1·SR + (G2 − 3)/4·SR²)/(n − 1)) with pandas' bias-corrected skew G1 and EXCESS kurtosis
/// G2, so 3 is subtracted twice. These tests pin both facts: the QuantStats number is that formula applied to the
/// kernel's own moments, and the kernel's PSR is Bailey and López de Prado's (biased moments, raw kurtosis).
/// </summary>
public sealed class ProbabilisticSharpeReferenceTests
{
    public static TheoryData<string> CasesWithPsr() => MetricReferenceCase.NamesWith("quantstats.probabilistic_sharpe_ratio");

    [Theory]
    [MemberData(nameof(CasesWithPsr))]
    public void ProbabilisticSharpe_QuantStatsReference_IsTheDoubleShiftFormulaOnKernelMoments(string caseName)
    {
        var c = MetricReferenceCase.Get(caseName);
        var m = Run(c);
        var sr = m.Sharpe / Math.Sqrt(c.PeriodsPerYear);
        var n = c.Returns.Length;

        var sigma = Math.Sqrt((1 + (0.5 * sr * sr) - (m.Skew * sr) + ((m.Kurtosis - 3) / 4 * sr * sr)) / (n - 1));
        var quantStats = Normal.CDF(0, 1, sr / sigma);

        Tolerance.Close(c.Scalars["quantstats.probabilistic_sharpe_ratio"], quantStats, label: "QuantStats PSR");
    }

    [Theory]
    [MemberData(nameof(CasesWithPsr))]
    public void ProbabilisticSharpe_ReferenceCase_IsBaileyLopezDePradoNotQuantStats(string caseName)
    {
        var c = MetricReferenceCase.Get(caseName);
        var m = Run(c);
        var sr = m.Sharpe / Math.Sqrt(c.PeriodsPerYear);
        var n = c.Returns.Length;

        var kRaw = m.KurtosisBiased + 3;
        var expected = Normal.CDF(0, 1, sr * Math.Sqrt(n - 1) / Math.Sqrt(1 - (m.SkewBiased * sr) + ((kRaw - 1) / 4 * sr * sr)));

        Tolerance.Close(expected, m.ProbabilisticSharpeRatio, label: "PSR");
        Assert.NotEqual(c.Scalars["quantstats.probabilistic_sharpe_ratio"], m.ProbabilisticSharpeRatio, 1e-6);
    }

    private static ReturnMetrics Run(MetricReferenceCase c)
    {
        MetricKernel.Compute(c.Returns, new MetricParameters(c.PeriodsPerYear, c.RiskFree), [], new double[MetricKernel.ScratchLength(c.Returns.Length)], out var m, []);
        return m;
    }
}
