using Google.Protobuf.WellKnownTypes;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>Seeded return series and requests for the functional tests.</summary>
public static class TestSeries
{
    /// <summary><paramref name="n"/> daily-like returns (mean 4 bp, sd 1 %), reproducible from <paramref name="seed"/>.</summary>
    public static double[] Returns(int seed, int n)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = 0.0004 + (0.01 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5) * 2);
        }

        return values;
    }

    /// <summary>A request over <see cref="Returns"/> with a benchmark from another seed, rf 2 %, VaR at 95 % and 99 %.</summary>
    public static ComputeMetricsRequest Request(int seed, int n, bool withBenchmark = true)
    {
        var request = new ComputeMetricsRequest { PeriodsPerYear = 252, RiskFreeRate = 0.02, ConfidenceLevels = { 0.95, 0.99 } };
        request.Returns.AddRange(Returns(seed, n));
        if (withBenchmark)
        {
            request.Benchmark.AddRange(Returns(seed + 1000, n));
        }

        return request;
    }

    /// <summary>Business-day-like UTC timestamps starting 2024-01-02, one per row.</summary>
    public static IEnumerable<Timestamp> Timestamps(int n)
    {
        var start = new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < n; i++)
        {
            yield return Timestamp.FromDateTime(start.AddDays(i));
        }
    }
}
