namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>The vectorised ln(1 + r) that stability's ln W is summed from.</summary>
public sealed class LogGrowthTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(2520)]
    public void Compute_ReturnsInSeriesRange_WithinThreeUlpOfAccurateLog1p(int n)
    {
        var random = new Random(n);
        var r = Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * 0.2).ToArray();
        var y = new double[n];

        LogGrowth.Compute(r, y);

        for (var i = 0; i < n; i++)
        {
            AssertUlps(AccurateLog1p(r[i]), y[i], 3, r[i]);
        }
    }

    [Fact]
    public void Compute_VectorsWithLargeReturnsOrNaN_FallBackPerElementAndMatch()
    {
        double[] r = [0.01, -0.02, 0.5, 0.003, -0.5, -0.999, 3.0, 1e-300, 0.0, -0.0, double.NaN, 0.09999, 0.1, -0.1, 0.1000001, -1.0];
        var y = new double[r.Length];

        LogGrowth.Compute(r, y);

        for (var i = 0; i < r.Length; i++)
        {
            if (double.IsNaN(r[i]))
            {
                Assert.True(double.IsNaN(y[i]));
            }
            else if (r[i] == -1)
            {
                Assert.Equal(double.NegativeInfinity, y[i]);
            }
            else
            {
                // Outside the series range the log of the rounded 1 + r is used: a few ulp.
                AssertUlps(AccurateLog1p(r[i]), y[i], Math.Abs(r[i]) <= 0.1 ? 3 : 8, r[i]);
            }

            Assert.Equal(LogGrowth.Scalar(r[i]), y[i]);
        }

        Assert.Equal(0.0, y[8]);
        Assert.True(double.IsNegative(y[9]) && y[9] == 0, "ln(1 + −0) keeps the sign of zero like the series does");
    }

    [Fact]
    public void Compute_WholeVectorsInRange_VectorPathMatchesScalarAtTheRangeEdgesAndKeepsNegativeZero()
    {
        // Two aligned groups of four with every value in range, so both go through the vector series.
        double[] r = [0.1, -0.1, 0.0, -0.0, 0.0999999, -0.0999999, 1e-300, -1e-17];
        var y = new double[r.Length];

        LogGrowth.Compute(r, y);

        for (var i = 0; i < r.Length; i++)
        {
            Assert.Equal(LogGrowth.Scalar(r[i]), y[i]);
            AssertUlps(AccurateLog1p(r[i]), y[i], 3, r[i]);
        }

        Assert.True(y[2] == 0 && !double.IsNegative(y[2]));
        Assert.True(y[3] == 0 && double.IsNegative(y[3]), "ln(1 + −0) = −0 on the vector path");
    }

    [Fact]
    public void Compute_InPlace_SameAsSeparateDestination()
    {
        var random = new Random(11);
        var r = Enumerable.Range(0, 37).Select(_ => (random.NextDouble() - 0.5) * 0.3).ToArray();
        var separate = new double[r.Length];
        LogGrowth.Compute(r, separate);

        var inPlace = (double[])r.Clone();
        LogGrowth.Compute(inPlace, inPlace);

        Assert.Equal(separate, inPlace);
    }

    /// <summary>ln(1 + r) to about 1 ulp: ln(u)·r/(u − 1) with u = 1 + r corrects the rounding of u (Goldberg).</summary>
    private static double AccurateLog1p(double r)
    {
        var u = 1 + r;
        return u == 1 ? r : Math.Log(u) * r / (u - 1);
    }

    private static void AssertUlps(double expected, double actual, int ulps, double r)
    {
        var a = Math.Abs(expected);
        var tolerance = ulps * (Math.BitIncrement(a) - a);
        Assert.True(Math.Abs(actual - expected) <= Math.Max(tolerance, ulps * double.Epsilon), $"r = {r:R}: {actual:R} vs {expected:R}");
    }
}
