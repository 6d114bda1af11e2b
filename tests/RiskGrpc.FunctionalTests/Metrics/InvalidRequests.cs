using Google.Protobuf.WellKnownTypes;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.FunctionalTests.Metrics;

/// <summary>Named invalid requests and the field violation each must produce.</summary>
public static class InvalidRequests
{
    /// <summary>(case name, expected field path) for theories.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "empty returns", "returns" },
        { "+Infinity in returns", "returns[17]" },
        { "-Infinity in returns under SKIP", "returns[3]" },
        { "NaN under REJECT", "returns[5]" },
        { "benchmark shorter", "benchmark" },
        { "NaN in benchmark under REJECT", "benchmark[7]" },
        { "negative periods_per_year", "periods_per_year" },
        { "infinite periods_per_year", "periods_per_year" },
        { "risk_free_rate -1", "risk_free_rate" },
        { "confidence 1", "confidence_levels[1]" },
        { "confidence 0", "confidence_levels[0]" },
        { "timestamps shorter", "timestamps" },
        { "timestamps decreasing", "timestamps[4]" },
        { "monthly without timestamps", "timestamps" },
        { "rolling window 1", "rolling.window" },
        { "rolling beta without benchmark", "rolling.metrics[1]" },
        { "unknown nan_policy", "nan_policy" },
        { "every row NaN under SKIP", "returns" },
        { "timestamp nanos out of range", "timestamps[2]" },
        { "unknown series kind", "series[1]" },
        { "unknown rolling metric", "rolling.metrics[0]" },
    };

    /// <summary>Builds the request of case <paramref name="name"/> (30 valid rows before the fault is injected).</summary>
    public static ComputeMetricsRequest Build(string name)
    {
        var request = new ComputeMetricsRequest();
        request.Returns.AddRange(Infrastructure.TestSeries.Returns(seed: 42, n: 30));
        switch (name)
        {
            case "empty returns":
                request.Returns.Clear();
                break;
            case "+Infinity in returns":
                request.Returns[17] = double.PositiveInfinity;
                break;
            case "-Infinity in returns under SKIP":
                request.NanPolicy = NanPolicy.Skip;
                request.Returns[1] = double.NaN;
                request.Returns[3] = double.NegativeInfinity;
                break;
            case "NaN under REJECT":
                request.Returns[5] = double.NaN;
                request.Returns[9] = double.NaN;
                break;
            case "benchmark shorter":
                request.Benchmark.AddRange(request.Returns.Take(29));
                break;
            case "NaN in benchmark under REJECT":
                request.Benchmark.AddRange(request.Returns);
                request.Benchmark[7] = double.NaN;
                break;
            case "negative periods_per_year":
                request.PeriodsPerYear = -12;
                break;
            case "infinite periods_per_year":
                request.PeriodsPerYear = double.PositiveInfinity;
                break;
            case "risk_free_rate -1":
                request.RiskFreeRate = -1;
                break;
            case "confidence 1":
                request.ConfidenceLevels.AddRange([0.95, 1.0]);
                break;
            case "confidence 0":
                request.ConfidenceLevels.Add(0);
                break;
            case "timestamps shorter":
                request.Timestamps.AddRange(Infrastructure.TestSeries.Timestamps(29));
                break;
            case "timestamps decreasing":
                request.Timestamps.AddRange(Infrastructure.TestSeries.Timestamps(30));
                request.Timestamps[4] = Timestamp.FromDateTime(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
                break;
            case "monthly without timestamps":
                request.Series.Add(SeriesKind.Monthly);
                break;
            case "rolling window 1":
                request.Rolling = new RollingOptions { Window = 1, Metrics = { RollingMetric.Sharpe } };
                break;
            case "rolling beta without benchmark":
                request.Rolling = new RollingOptions { Window = 5, Metrics = { RollingMetric.Sharpe, RollingMetric.Beta } };
                break;
            case "unknown nan_policy":
                request.NanPolicy = (NanPolicy)42;
                break;
            case "every row NaN under SKIP":
                request.NanPolicy = NanPolicy.Skip;
                for (var i = 0; i < request.Returns.Count; i++)
                {
                    request.Returns[i] = double.NaN;
                }

                break;
            case "timestamp nanos out of range":
                request.Timestamps.AddRange(Infrastructure.TestSeries.Timestamps(30));
                request.Timestamps[2] = new Timestamp { Seconds = request.Timestamps[2].Seconds, Nanos = 1_000_000_000 };
                break;
            case "unknown series kind":
                request.Series.AddRange([SeriesKind.Cumulative, (SeriesKind)77]);
                break;
            case "unknown rolling metric":
                request.Rolling = new RollingOptions { Window = 5, Metrics = { (RollingMetric)77 } };
                break;
            default:
                throw new ArgumentException("unknown case " + name, nameof(name));
        }

        return request;
    }
}
