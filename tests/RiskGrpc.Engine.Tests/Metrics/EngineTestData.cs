namespace RiskGrpc.Engine.Tests.Metrics;

/// <summary>Seeded series for the engine tests.</summary>
internal static class EngineTestData
{
    public static double[] Returns(int seed, int n)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = 0.0003 + (0.02 * (random.NextDouble() - 0.5));
        }

        return values;
    }

    public static DateTime[] Daily(int n)
    {
        var start = new DateTime(2023, 11, 20, 0, 0, 0, DateTimeKind.Utc);
        var values = new DateTime[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = start.AddDays(i);
        }

        return values;
    }

    public static double[] Without(double[] values, params int[] rows) => values.Where((_, i) => !rows.Contains(i)).ToArray();
}
