using RiskGrpc.Contracts.V1;

namespace RiskGrpc.LoadClient.Unary;

/// <summary>Seeded synthetic daily returns: normal with mean 4 bp and 1.2 % volatility (Box–Muller), like a liquid equity.</summary>
internal static class ReturnSeries
{
    /// <summary>Default seed, so every tool (load client, ghz data, h2load payload) sends the same series.</summary>
    public const int DefaultSeed = 42;

    /// <summary><paramref name="length"/> returns from <paramref name="seed"/>; the same inputs always give the same series.</summary>
    public static double[] Daily(int length, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
            values[i] = Math.Round(0.0004 + (0.012 * z), 6);
        }

        return values;
    }

    /// <summary>A <c>ComputeMetricsRequest</c> with server defaults for everything but the returns.</summary>
    public static ComputeMetricsRequest Request(int length, int seed)
    {
        var request = new ComputeMetricsRequest();
        request.Returns.Add(Daily(length, seed));
        return request;
    }

    /// <summary>A batch of <paramref name="count"/> series, series i seeded with <paramref name="seed"/> + i.</summary>
    public static ComputeMetricsBatchRequest Batch(int count, int length, int seed)
    {
        var batch = new ComputeMetricsBatchRequest();
        for (var i = 0; i < count; i++)
        {
            batch.Requests.Add(Request(length, seed + i));
        }

        return batch;
    }
}
