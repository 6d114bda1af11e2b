using System.Text.Json;
using CsCheck;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports.Tests.Building;

/// <summary>
/// The report's JSON holds the metrics API's numbers: for random series, every scalar under metrics, benchmark_metrics,
/// relative and tail_risk, every EOY/monthly value and every drawdown equals (bit for bit, after the JSON round trip) what
/// <see cref="IMetricsEngine.Compute"/> returns for the request <c>ComputeMetrics</c> would get.
/// </summary>
public sealed class ReportJsonEqualsEngineTests
{
    private static readonly IMetricsEngine Engine = MetricsEngine.Create();

    private static readonly Gen<ReportInput> Inputs =
        Gen.Select(Gen.Int[30, 900], Gen.Int[0, int.MaxValue], Gen.Bool, Gen.Double[0, 0.05], Gen.Int[0, 2].Select(i => (MetricsNanPolicy)i))
            .Select((n, seed, withBenchmark, rf, policy) =>
            {
                var random = new Random(seed);
                var start = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 7000));
                var dates = Enumerable.Range(0, n).Select(i => start.AddDays(i + (i / 5 * 2))).ToArray();
                double Draw() => Math.Round((random.NextDouble() - 0.48) * 0.04, 8);
                var returns = Enumerable.Range(0, n).Select(_ => Draw()).ToArray();
                var benchmark = withBenchmark ? Enumerable.Range(0, n).Select(_ => Draw()).ToArray() : null;
                if (policy != MetricsNanPolicy.Reject)
                {
                    returns[random.Next(n)] = double.NaN;
                    if (benchmark is not null)
                    {
                        benchmark[random.Next(n)] = double.NaN;
                    }
                }

                return new ReportInput { Returns = returns, Benchmark = benchmark, Dates = dates, RiskFreeRate = rf, NanPolicy = policy, MonteCarloPaths = 50 };
            });

    [Fact]
    public void Json_RandomSeries_EveryNumberEqualsTheMetricsApi()
    {
        var renderer = new ReportRenderer(Engine);
        Inputs.Sample(input =>
        {
            var json = renderer.Render(input, html: false).Json!;
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var api = Engine.Compute(new MetricsRequest
            {
                Returns = input.Returns,
                Benchmark = input.Benchmark,
                Timestamps = input.Dates,
                RiskFreeRate = input.RiskFreeRate,
                NanPolicy = input.NanPolicy,
                Series = MetricsSeriesKinds.Monthly | MetricsSeriesKinds.Yearly,
                DrawdownEpisodes = 10,
            });

            foreach (var field in MetricCatalogue.Returns)
            {
                AssertSame(field.Get(api.Metrics), root.GetProperty("metrics").GetProperty(field.Name), field.Name);
            }

            foreach (var field in MetricCatalogue.TailRisk)
            {
                AssertSame(field.Get(api.TailRisk[0]), root.GetProperty("tail_risk")[0].GetProperty("strategy").GetProperty(field.Name), field.Name);
            }

            if (input.Benchmark is { } b)
            {
                foreach (var field in MetricCatalogue.Relative)
                {
                    AssertSame(field.Get(api.Relative!.Value), root.GetProperty("relative").GetProperty(field.Name), field.Name);
                }

                var benchApi = Engine.Compute(new MetricsRequest { Returns = b, RiskFreeRate = input.RiskFreeRate, NanPolicy = input.NanPolicy });
                foreach (var field in MetricCatalogue.Returns)
                {
                    AssertSame(field.Get(benchApi.Metrics), root.GetProperty("benchmark_metrics").GetProperty(field.Name), "benchmark " + field.Name);
                }
            }
            else
            {
                Assert.False(root.TryGetProperty("relative", out _));
            }

            var monthly = root.GetProperty("monthly");
            Assert.Equal(api.Monthly!.Length, monthly.GetArrayLength());
            for (var i = 0; i < api.Monthly.Length; i++)
            {
                AssertSame(api.Monthly[i].Value, monthly[i].GetProperty("value"), $"monthly[{i}]");
            }

            var eoy = root.GetProperty("eoy");
            for (var i = 0; i < api.Yearly!.Length; i++)
            {
                AssertSame(api.Yearly[i].Value, eoy[i].GetProperty("strategy"), $"eoy[{i}]");
            }

            var drawdowns = root.GetProperty("worst_drawdowns");
            Assert.Equal(api.Drawdowns.Length, drawdowns.GetArrayLength());
            for (var i = 0; i < api.Drawdowns.Length; i++)
            {
                AssertSame(api.Drawdowns[i].Depth, drawdowns[i].GetProperty("depth"), $"drawdowns[{i}]");
                Assert.Equal(api.Drawdowns[i].ValleyIndex, drawdowns[i].GetProperty("valley_row").GetInt32());
            }

            var table = root.GetProperty("metrics_table").EnumerateArray().SelectMany(g => g.GetProperty("rows").EnumerateArray())
                .Where(r => r.TryGetProperty("strategy", out _)).ToDictionary(r => r.GetProperty("metric").GetString()!, r => r.GetProperty("strategy"));
            AssertSame(api.Metrics.Sharpe, table["sharpe"], "table sharpe");
            AssertSame(api.Metrics.MaxDrawdown, table["max_drawdown"], "table max_drawdown");
            AssertSame(api.TailRisk[0].VarGaussian, table["var_gaussian"], "table var_gaussian");
        }, iter: 60, threads: 1);
    }

    [Fact]
    public void Json_RoundTrip_DeserializesToTheSameModel()
    {
        var renderer = new ReportRenderer(Engine);
        var documents = renderer.Render(Demo.DemoReport.Input(), html: false);

        var back = ReportJson.Deserialize(documents.Json)!;

        Assert.Equal(documents.Model.Metrics["sharpe"], back.Metrics["sharpe"]);
        Assert.Equal(documents.Model.WorstDrawdowns.Count, back.WorstDrawdowns.Count);
        Assert.Equal(documents.Json, ReportJson.Serialize(back));
    }

    private static void AssertSame(double expected, JsonElement actual, string name)
    {
        var value = actual.ValueKind == JsonValueKind.String
            ? actual.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var s => throw new InvalidOperationException($"{name}: unexpected string {s}"),
            }
            : actual.GetDouble();
        Assert.True(expected.Equals(value), $"{name}: engine {expected:R}, report {value:R}");
    }
}
