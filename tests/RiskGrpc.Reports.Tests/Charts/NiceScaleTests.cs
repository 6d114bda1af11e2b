using CsCheck;
using RiskGrpc.Reports.Charts;

namespace RiskGrpc.Reports.Tests.Charts;

public sealed class NiceScaleTests
{
    private static readonly double[] Mantissas = [1, 2, 5, 10];

    [Theory]
    [InlineData(-0.0734, 0.1166, -0.1, 0.15, 0.05)]
    [InlineData(0, 1, 0, 1, 0.2)]
    [InlineData(-0.573, 0, -0.6, 0, 0.1)]
    [InlineData(3, 1047, 0, 1200, 200)]
    public void Create_KnownRanges_NiceBoundsAndStep(double min, double max, double niceMin, double niceMax, double step)
    {
        var scale = NiceScale.Create(min, max);

        Assert.Equal(niceMin, scale.Min, 12);
        Assert.Equal(niceMax, scale.Max, 12);
        Assert.Equal(step, scale.Step, 12);
    }

    [Fact]
    public void Create_RandomRanges_StepIsOneTwoOrFiveTimesPowerOfTenAndTicksCoverData()
    {
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[1e-9, 1e6]).Sample((lo, width) =>
        {
            var scale = NiceScale.Create(lo, lo + width);
            var mantissa = scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step)));
            Assert.Contains(Math.Round(mantissa, 9), Mantissas);
            // Tick values are k·step in doubles: allow their rounding (relative 1e-12 of the magnitude), not a missed step.
            var slack = Math.Max(scale.Step * 1e-6, Math.Abs(lo) * 1e-12);
            Assert.True(scale.Min <= lo + slack && scale.Max >= lo + width - slack, $"[{scale.Min}, {scale.Max}] does not cover [{lo}, {lo + width}]");
            Assert.InRange(scale.Ticks.Length, 2, 12);
            for (var i = 1; i < scale.Ticks.Length; i++)
            {
                Assert.Equal(scale.Step, scale.Ticks[i] - scale.Ticks[i - 1], Math.Max(1e-9, scale.Step * 1e-9));
            }
        }, iter: 2000);
    }

    [Fact]
    public void Ticks_RangesAcrossZero_NoNegativeZeroLabelAndZeroIsATick()
    {
        Gen.Select(Gen.Double[-0.5, -1e-6], Gen.Double[1e-6, 0.5]).Sample((lo, hi) =>
        {
            var scale = NiceScale.Create(lo, hi);
            var labels = AxisFormat.Ticks(scale, AxisFormat.Kind.Percent);
            Assert.DoesNotContain(labels, l => l.StartsWith("-0", StringComparison.Ordinal) && l.Trim('-', '0', '.', '%').Length == 0);
            Assert.Contains(0.0, scale.Ticks);
            Assert.Equal(labels.Length, labels.Distinct().Count());
        }, iter: 2000);
    }

    [Theory]
    [InlineData(-0.00001, 0, "0%")]
    [InlineData(-0.004, 0, "0%")]
    [InlineData(-0.006, 0, "-1%")]
    [InlineData(0.1234, 1, "12.3%")]
    [InlineData(-1e-12, 2, "0.00%")]
    public void Format_SmallNegatives_NeverMinusZero(double value, int decimals, string expected) =>
        Assert.Equal(expected, AxisFormat.Format(value, AxisFormat.Kind.Percent, decimals));

    [Fact]
    public void Create_EmptyOrNonFiniteRange_StillTwoTicks()
    {
        Assert.True(NiceScale.Create(0.05, 0.05).Ticks.Length >= 2);
        Assert.True(NiceScale.Create(0, 0).Ticks.Length >= 2);
        Assert.True(NiceScale.Create(double.NaN, double.PositiveInfinity).Ticks.Length >= 2);
    }
}
