namespace RiskGrpc.Benchmarks.Kernel;

/// <summary>Seeded daily-like return series shared by the kernel benchmarks.</summary>
internal static class BenchmarkSeries
{
    /// <summary>A benchmark b ~ N(0.0004, 0.01) and returns r = 0.7·b + N(0.0002, 0.008), deterministic per seed.</summary>
    public static (double[] Returns, double[] Benchmark) Pair(int length, int seed)
    {
        var rng = new Random(seed);
        var b = new double[length];
        var r = new double[length];
        for (var i = 0; i < length; i++)
        {
            b[i] = Normal(rng, 0.0004, 0.01);
            r[i] = (0.7 * b[i]) + Normal(rng, 0.0002, 0.008);
        }

        return (r, b);
    }

    public static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("benchmark setup check failed: " + what);
        }
    }

    public static bool Close(double expected, double actual, double rel = 1e-9) =>
        Math.Abs(expected - actual) <= Math.Max(1e-12, rel * Math.Abs(expected));

    private static double Normal(Random rng, double mean, double sd) =>
        mean + (sd * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
}
