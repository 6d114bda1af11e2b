namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>The branch-free quickselect the tail order statistics use.</summary>
public sealed class PartitionSelectTests
{
    public static TheoryData<string, int> Shapes()
    {
        var data = new TheoryData<string, int>();
        foreach (var shape in new[] { "random", "ties", "sorted", "reversed", "constant", "signed-zeros", "organ-pipe" })
        {
            foreach (var m in new[] { 1, 2, 16, 17, 33, 170, 1000 })
            {
                data.Add(shape, m);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Select_EveryRank_ValueOfSortedOrderAndPartitioned(string shape, int m)
    {
        var original = Make(shape, m, seed: m);
        var expected = original.Order().ToArray();
        var scratch = new double[PartitionSelect.ScratchLength(m)];
        var ranks = m <= 33 ? Enumerable.Range(0, m) : new[] { 0, 1, m / 100, m / 20, m / 2, m - (m / 20) - 1, m - 2, m - 1 };

        foreach (var k in ranks)
        {
            var a = (double[])original.Clone();

            PartitionSelect.Select(a, k, scratch);

            Assert.Equal(expected[k], a[k]);
            Assert.All(a[..k], v => Assert.True(v <= a[k]));
            Assert.All(a[(k + 1)..], v => Assert.True(v >= a[k]));
            Assert.Equal(expected, a.Order().ToArray());
        }
    }

    [Fact]
    public void Select_ScratchTooShort_Throws()
    {
        var a = new double[40];

        Assert.Throws<ArgumentException>(() => PartitionSelect.Select(a, 3, new double[PartitionSelect.ScratchLength(40) - 1]));
    }

    private static double[] Make(string shape, int m, int seed)
    {
        var random = new Random(seed);
        return shape switch
        {
            "random" => [.. Enumerable.Range(0, m).Select(_ => random.NextDouble() - 0.5)],
            "ties" => [.. Enumerable.Range(0, m).Select(_ => Math.Round((random.NextDouble() - 0.5) * 6) / 100)],
            "sorted" => [.. Enumerable.Range(0, m).Select(i => (double)i)],
            "reversed" => [.. Enumerable.Range(0, m).Select(i => (double)(m - i))],
            "constant" => [.. Enumerable.Repeat(0.25, m)],
            "signed-zeros" => [.. Enumerable.Range(0, m).Select(i => (i % 3) switch { 0 => 0.0, 1 => -0.0, _ => random.NextDouble() - 0.5 })],
            "organ-pipe" => [.. Enumerable.Range(0, m).Select(i => (double)Math.Min(i, m - i))],
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
    }
}
