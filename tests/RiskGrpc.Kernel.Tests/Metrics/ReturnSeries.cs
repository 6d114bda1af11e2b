namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>Seeded return series of the shapes the sweep and the property tests use.</summary>
internal static class ReturnSeries
{
    public static readonly string[] Shapes = ["gaussian", "with-zeros", "all-positive", "all-negative", "constant", "fat-tailed"];

    /// <summary>A series of <paramref name="length"/> returns of the named shape, reproducible from the seed.</summary>
    public static double[] Create(string shape, int length, int seed)
    {
        var rng = new Random(seed);
        var r = new double[length];
        for (var i = 0; i < length; i++)
        {
            r[i] = shape switch
            {
                "gaussian" => 0.0005 + (0.01 * Gaussian(rng)),
                "with-zeros" => rng.NextDouble() < 0.3 ? 0 : 0.0003 + (0.012 * Gaussian(rng)),
                "all-positive" => 0.0001 + (0.02 * rng.NextDouble()),
                "all-negative" => -0.0001 - (0.02 * rng.NextDouble()),
                "constant" => 0.0013,
                "fat-tailed" => 0.0004 + (0.006 * Gaussian(rng) / Math.Sqrt(Math.Max(0.05, rng.NextDouble()))),
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
            };
        }

        return r;
    }

    public static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
