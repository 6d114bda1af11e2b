using System.Text.Json;
using RiskGrpc.Cli.Tests.Metrics;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Cli.Tests.Reports;

public sealed class ReportCommandTests
{
    private static string Example(string name) => Path.Combine(SharedData.RepositoryRoot, "examples", "reports", name);

    [Fact]
    public void Report_ExampleCsvsWithBenchmark_WritesHtmlAndJsonMatchingMetricsCommand()
    {
        using var temp = new TempCsv();
        var html = temp.Write("out.html", string.Empty);
        var json = temp.Write("out.json", string.Empty);

        var (code, stdout, stderr) = CliRun.Run("report", "--returns", Example("strategy.csv"), "--benchmark", Example("benchmark.csv"),
            "--title", "Example", "--risk-free", "0.01", "--output", html, "--json", json);
        var metrics = CliRun.Run("metrics", "--returns", Example("strategy.csv"), "--benchmark", Example("benchmark.csv"), "--risk-free", "0.01", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("wrote " + html, stdout, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllBytes(json));
        using var cli = JsonDocument.Parse(metrics.Stdout);
        Assert.Equal("Example", report.RootElement.GetProperty("title").GetString());
        foreach (var name in new[] { "sharpe", "cagr", "max_drawdown", "sortino", "omega" })
        {
            Assert.Equal(FindNumber(cli.RootElement, name), report.RootElement.GetProperty("metrics").GetProperty(name).GetDouble());
        }
    }

    [Fact]
    public void Report_Batch_OneReportPerCsvWithProgressOnStderrAndBadFilesReported()
    {
        using var temp = new TempCsv();
        var input = Directory.CreateTempSubdirectory("riskgrpc-batch-in-").FullName;
        var output = Path.Combine(input, "out");
        try
        {
            var random = new Random(3);
            for (var i = 0; i < 6; i++)
            {
                File.WriteAllText(Path.Combine(input, $"s{i}.csv"), string.Join('\n', Enumerable.Range(0, 300).Select(_ => ((random.NextDouble() - 0.5) * 0.02).ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
            }

            File.WriteAllText(Path.Combine(input, "bad.csv"), "0.01\nabc\n");

            var (code, _, stderr) = CliRun.Run("report", "--returns-dir", input, "--output-dir", output, "--json");

            Assert.Equal(1, code);
            Assert.Contains("[7/7] 100%", stderr, StringComparison.Ordinal);
            Assert.Contains("bad.csv:2: 'abc' is not a number", stderr, StringComparison.Ordinal);
            Assert.Contains("6 report(s) written", stderr, StringComparison.Ordinal);
            Assert.Equal(6, Directory.GetFiles(output, "*.html").Length);
            Assert.Equal(6, Directory.GetFiles(output, "*.json").Length);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }

    [Theory]
    [InlineData("--returns-dir", "x")]
    [InlineData("--json")]
    [InlineData("--returns", "a.csv", "--demo")]
    [InlineData("--demo", "--periods-per-year", "abc")]
    public void Report_BadOptions_ExitTwoWithOneLineError(params string[] args)
    {
        var (code, _, stderr) = CliRun.Run(["report", .. args]);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_NaNUnderReject_ExitTwoNamingTheRow()
    {
        using var temp = new TempCsv();
        var path = temp.Write("r.csv", "0.01\nNaN\n0.02\n");

        var (code, _, stderr) = CliRun.Run("report", "--returns", path, "--output", Path.ChangeExtension(path, ".html"));

        Assert.Equal(2, code);
        Assert.Contains("returns[1]", stderr, StringComparison.Ordinal);
    }

    private static double FindNumber(JsonElement element, string name)
    {
        if (element.TryGetProperty(name, out var value))
        {
            return value.GetDouble();
        }

        foreach (var property in element.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            if (property.Value.TryGetProperty(name, out var nested))
            {
                return nested.GetDouble();
            }
        }

        throw new InvalidOperationException(name + " not in the metrics output");
    }
}
