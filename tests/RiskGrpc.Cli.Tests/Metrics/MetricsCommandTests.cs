using System.Globalization;
using System.Text.Json;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Cli.Tests.Metrics;

public sealed class MetricsCommandTests : IDisposable
{
    private static readonly IMetricsEngine Engine = MetricsEngine.Create();
    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Metrics_JsonFormat_OneObjectWithEveryCatalogueNameEqualToEngine()
    {
        var returns = Series(1, 300);
        var path = _files.Write("r.csv", returns);

        var (code, stdout, stderr) = CliRun.Run("metrics", "--returns", path, "--risk-free", "0.03", "--confidence", "0.99", "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        using var json = JsonDocument.Parse(stdout);
        var expected = Engine.Compute(new MetricsRequest { Returns = returns, RiskFreeRate = 0.03, ConfidenceLevels = (double[])[0.99] });
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(MetricCatalogue.Returns.Select(f => f.Name).Concat(MetricCatalogue.TailRisk.Select(f => f.Name)), names);
        foreach (var field in MetricCatalogue.Returns)
        {
            AssertJsonValue(field.Get(expected.Metrics), json.RootElement.GetProperty(field.Name), field.Name);
        }

        foreach (var field in MetricCatalogue.TailRisk)
        {
            AssertJsonValue(field.Get(expected.TailRisk[0]), json.RootElement.GetProperty(field.Name), field.Name);
        }
    }

    [Fact]
    public void Metrics_WithBenchmark_AddsRelativeNames()
    {
        var r = _files.Write("r.csv", Series(2, 100));
        var b = _files.Write("b.csv", Series(3, 100));

        var (code, stdout, _) = CliRun.Run("metrics", "--returns", r, "--benchmark", b, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var expected = Engine.Compute(new MetricsRequest { Returns = Series(2, 100), Benchmark = Series(3, 100) });
        Assert.Equal(expected.Relative!.Value.Beta, json.RootElement.GetProperty("beta").GetDouble());
        Assert.True(json.RootElement.TryGetProperty("batting_average_down", out _));
        Assert.Equal(MetricCatalogue.Returns.Count + MetricCatalogue.TailRisk.Count + MetricCatalogue.Relative.Count, json.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void Metrics_NonFiniteValues_WrittenAsStrings()
    {
        // Only gains: no downside (sortino +Infinity), no losses (gain_to_pain NaN), zero drawdown (calmar NaN).
        var path = _files.Write("up.csv", "0.01\n0.02\n0.015\n");

        var (code, stdout, _) = CliRun.Run("metrics", "--returns", path, "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("Infinity", json.RootElement.GetProperty("sortino").GetString());
        Assert.Equal("NaN", json.RootElement.GetProperty("gain_to_pain_ratio").GetString());
        Assert.Equal("NaN", json.RootElement.GetProperty("calmar").GetString());
    }

    [Fact]
    public void Metrics_DateValueWithHeaderAndMissingCells_SkipPolicyDropsThem()
    {
        var path = _files.Write("dated.csv", "date,ret\n2024-01-02,0.01\n2024-01-03,\n2024-01-04,NaN\n2024-01-05,-0.02\n2024-01-08,0.005\n");

        var (code, stdout, _) = CliRun.Run("metrics", "--returns", path, "--nan-policy", "skip", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var expected = Engine.Compute(new MetricsRequest { Returns = new[] { 0.01, -0.02, 0.005 } });
        Assert.Equal(expected.Metrics.TotalReturn, json.RootElement.GetProperty("total_return").GetDouble());
        Assert.Equal(expected.Metrics.Sharpe, json.RootElement.GetProperty("sharpe").GetDouble());
    }

    [Fact]
    public void Metrics_Prices_ConvertedToSimpleReturnsAcrossMissingPrice()
    {
        var path = _files.Write("prices.csv", "close\n100\n110\n\n99\n");

        var (code, stdout, _) = CliRun.Run("metrics", "--returns", path, "--prices", "--nan-policy", "skip", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var expected = Engine.Compute(new MetricsRequest { Returns = new[] { 0.1, (99.0 / 110) - 1 } });
        Assert.Equal(expected.Metrics.TotalReturn, json.RootElement.GetProperty("total_return").GetDouble(), 1e-15);
        Assert.Equal(-0.01, json.RootElement.GetProperty("total_return").GetDouble(), 1e-12);
    }

    [Fact]
    public void Metrics_TableFormat_AlignedNameValueLines()
    {
        var path = _files.Write("r.csv", Series(4, 50));

        var (code, stdout, _) = CliRun.Run("metrics", "--returns", path);

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + MetricCatalogue.Returns.Count + MetricCatalogue.TailRisk.Count, lines.Length);
        Assert.Single(lines.Select(l => l.Length).Distinct());
        var sharpe = lines.Single(l => l.StartsWith("sharpe ", StringComparison.Ordinal));
        var expected = Engine.Compute(new MetricsRequest { Returns = Series(4, 50) }).Metrics.Sharpe;
        Assert.Equal(expected, double.Parse(sharpe["sharpe".Length..], CultureInfo.InvariantCulture), 1e-9);
    }

    [Theory]
    [InlineData("nan-reject", "r.csv:3", "--nan-policy skip or zero")]
    [InlineData("infinity", "r.csv:2", "+Infinity")]
    [InlineData("missing-file", "cannot read", "missing.csv")]
    [InlineData("not-a-number", "r.csv:2", "'abc' is not a number")]
    [InlineData("bad-confidence", "--confidence", "(0, 1)")]
    [InlineData("unknown-option", "unknown option '--bogus'", "usage")]
    [InlineData("no-returns", "--returns FILE is required", "usage")]
    [InlineData("bad-policy", "--nan-policy must be", "'maybe'")]
    [InlineData("benchmark-length", "--benchmark", "rows")]
    [InlineData("negative-price", "r.csv:2", "must be finite and > 0")]
    public void Metrics_BadInput_OneLineOnStderrExit2(string scenario, string expectedStart, string expectedText)
    {
        var r = _files.Write("r.csv", scenario switch
        {
            "nan-reject" => "0.01\n0.02\nNaN\n",
            "infinity" => "0.01\nInfinity\n",
            "not-a-number" => "0.01\nabc\n",
            "negative-price" => "10\n-1\n",
            _ => "0.01\n0.02\n-0.01\n",
        });
        var b = _files.Write("b.csv", "0.01\n0.02\n");
        string[] args = scenario switch
        {
            "missing-file" => ["metrics", "--returns", Path.Combine(Path.GetDirectoryName(r)!, "missing.csv")],
            "bad-confidence" => ["metrics", "--returns", r, "--confidence", "1.5"],
            "unknown-option" => ["metrics", "--returns", r, "--bogus"],
            "no-returns" => ["metrics"],
            "bad-policy" => ["metrics", "--returns", r, "--nan-policy", "maybe"],
            "benchmark-length" => ["metrics", "--returns", r, "--benchmark", b],
            "negative-price" => ["metrics", "--returns", r, "--prices"],
            _ => ["metrics", "--returns", r],
        };

        var (code, stdout, stderr) = CliRun.Run(args);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expectedStart, line, StringComparison.Ordinal);
        Assert.Contains(expectedText, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_Usage_ListsMetricsCommand()
    {
        var (code, stdout, _) = CliRun.Run("--help");

        Assert.Equal(0, code);
        Assert.Contains("metrics", stdout, StringComparison.Ordinal);
    }

    private static double[] Series(int seed, int n)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => 0.0005 + (0.02 * (random.NextDouble() - 0.5))).ToArray();
    }

    private static void AssertJsonValue(double expected, JsonElement actual, string name)
    {
        if (double.IsFinite(expected))
        {
            Assert.True(expected == actual.GetDouble(), $"{name}: expected {expected:R}, got {actual}");
        }
        else
        {
            Assert.Equal(double.IsNaN(expected) ? "NaN" : expected > 0 ? "Infinity" : "-Infinity", actual.GetString());
        }
    }
}
