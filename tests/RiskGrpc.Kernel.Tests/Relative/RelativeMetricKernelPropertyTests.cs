using CsCheck;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Relative;

/// <summary>
/// Algebraic properties of the relative metrics over bounded random series: 3..200 rows of whole basis points in
/// [−20 %, 20 %]. Whole basis points keep every non-constant series' variance far above empyrical's 1e-30 cut-off
/// (raw CsCheck doubles include values like 1e-90, where beta is NaN by that rule); constant series still occur and
/// are asserted separately.
/// </summary>
public sealed class RelativeMetricKernelPropertyTests
{
    private const long Iterations = 300;

    private static readonly Gen<(double[] R, double[] B)> Pairs =
        Gen.Int[3, 200].SelectMany(n => Gen.Select(BasisPoints.Array[n], BasisPoints.Array[n]));

    private static Gen<double> BasisPoints => Gen.Int[-2000, 2000].Select(bp => bp / 10_000.0);

    private static readonly Gen<double> Scale = Gen.Select(Gen.Double[0.1, 10], Gen.Bool, (k, negative) => negative ? -k : k);

    [Fact]
    public void Beta_BenchmarkScaledByK_IsBetaDividedByK()
    {
        Gen.Select(Pairs, Scale).Sample(
            (pair, k) =>
            {
                var scaled = pair.B.Select(x => k * x).ToArray();
                var beta = RelativeMetricsFields.Run(pair.R, pair.B, MetricParameters.Default).Beta;
                var scaledBeta = RelativeMetricsFields.Run(pair.R, scaled, MetricParameters.Default).Beta;
                Tolerance.Close(beta / k, scaledBeta, 1e-9, 1e-12, $"k={k}");
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public void Correlation_AnySeries_WithinMinusOneAndOneAndRSquaredWithinZeroAndOne()
    {
        Pairs.Sample(
            pair =>
            {
                var m = RelativeMetricsFields.Run(pair.R, pair.B, MetricParameters.Default);
                if (IsConstant(pair.R) || IsConstant(pair.B))
                {
                    Assert.True(double.IsNaN(m.Correlation), "a constant side has no correlation");
                    return;
                }

                Assert.InRange(m.Correlation, -1, 1);
                Assert.InRange(m.RSquared, 0, 1);
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public void Correlation_SeriesAgainstAffineCopy_IsPlusOrMinusOne()
    {
        // Exactly collinear series are where rounding could push |correlation| past 1; the kernel clamps.
        Gen.Select(Pairs, Scale).Sample(
            (pair, k) =>
            {
                var copy = pair.R.Select(x => (k * x) + 0.001).ToArray();
                var m = RelativeMetricsFields.Run(pair.R, copy, MetricParameters.Default);
                if (IsConstant(pair.R))
                {
                    return;
                }

                Tolerance.Close(Math.Sign(k), m.Correlation, 1e-12, label: "correlation");
                Assert.InRange(m.RSquared, 0, 1);
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public void Beta_SeriesAgainstItself_IsOne()
    {
        Pairs.Sample(
            pair =>
            {
                var m = RelativeMetricsFields.Run(pair.R, pair.R.ToArray(), new MetricParameters(252, 0.02));
                Tolerance.Close(IsConstant(pair.R) ? double.NaN : 1, m.Beta, 1e-12, label: "beta");
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public void InformationRatio_SeriesAgainstItself_IsNaN()
    {
        Pairs.Sample(
            pair =>
            {
                var m = RelativeMetricsFields.Run(pair.R, pair.R.ToArray(), MetricParameters.Default);
                Assert.True(double.IsNaN(m.InformationRatio), $"got {m.InformationRatio}");
            },
            iter: Iterations,
            threads: 1);
    }

    private static bool IsConstant(double[] x) => x.All(v => v == x[0]);
}
