using CsCheck;
using RiskGrpc.Reports.Charts;

namespace RiskGrpc.Reports.Tests.Charts;

public sealed class DownsamplerTests
{
    [Fact]
    public void MinMax_LongSeries_AtMostTwoPointsPerColumnAndKeepsExtremes()
    {
        Gen.Select(Gen.Double[-1, 1].Array[1000, 20000], Gen.Int[50, 900]).Sample((y, columns) =>
        {
            var x = Enumerable.Range(0, y.Length).Select(i => (double)i).ToArray();
            var keep = Downsampler.MinMax(x, y, columns);
            Assert.True(keep.Length <= 2 * columns + 1, $"{keep.Length} points for {columns} columns");
            Assert.Contains(Array.IndexOf(y, y.Min()), keep);
            Assert.Contains(Array.IndexOf(y, y.Max()), keep);
            for (var i = 1; i < keep.Length; i++)
            {
                Assert.True(keep[i] > keep[i - 1]);
            }
        }, iter: 200);
    }

    [Fact]
    public void MinMax_ShortSeriesWithNaN_KeepsEveryFinitePoint()
    {
        double[] y = [0.1, double.NaN, 0.3, 0.2];
        double[] x = [0, 1, 2, 3];

        Assert.Equal([0, 2, 3], Downsampler.MinMax(x, y, 100));
    }
}
