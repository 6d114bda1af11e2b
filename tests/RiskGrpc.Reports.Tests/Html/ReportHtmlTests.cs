using System.Text;
using System.Text.RegularExpressions;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports.Demo;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports.Tests.Html;

public sealed partial class ReportHtmlTests
{
    private static readonly ReportRenderer Renderer = new(MetricsEngine.Create());
    private static readonly Lazy<ReportDocuments> Demo = new(() => Renderer.Render(DemoReport.Input()));

    [Fact]
    public void Html_Demo_NoHttpReferenceOtherThanXmlNamespaces()
    {
        var html = Encoding.UTF8.GetString(Demo.Value.Html!);

        var urls = Url().Matches(html).Select(m => m.Value).Where(u => !u.StartsWith("http://www.w3.org/", StringComparison.Ordinal)).ToArray();

        Assert.Empty(urls);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(HrefValue().Matches(html), m => Assert.StartsWith("data:", m.Groups[1].Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_Demo_EmbedsTheJsonReportVerbatim()
    {
        var html = Encoding.UTF8.GetString(Demo.Value.Html!);
        var json = Encoding.UTF8.GetString(Demo.Value.Json!);

        Assert.Contains("<script type=\"application/json\" id=\"report-data\">" + json + "</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_Demo_HasEveryQuantStatsChartAndTableWithinOneMegabyte()
    {
        var html = Encoding.UTF8.GetString(Demo.Value.Html!);

        string[] titles =
        [
            "Cumulative returns vs benchmark", "Cumulative returns vs benchmark (log scaled)", "Cumulative returns vs benchmark (volatility matched)",
            "EOY returns vs benchmark", "Distribution of monthly returns", "Daily returns", "Rolling beta to benchmark", "Rolling volatility (6 months)",
            "Rolling Sharpe (6 months)", "Rolling Sortino (6 months)", "Worst 5 drawdown periods", "Underwater plot", "Monthly returns (%)",
            "Return quantiles", "Monte Carlo: bootstrapped cumulative returns", "Key performance metrics", "Worst 10 drawdowns", "Monthly returns",
            "Stress windows", "Monte Carlo terminal returns",
        ];
        Assert.All(titles, t => Assert.Contains(">" + t + "</h", html, StringComparison.Ordinal));
        Assert.Equal(15, Regex.Count(html, "<figure class=\"block\""));
        Assert.Equal(15, Regex.Count(html, "<svg class=\"chart\""));
        Assert.DoesNotContain("class=\"note\"", html, StringComparison.Ordinal);
        Assert.InRange(Demo.Value.Html!.Length + Demo.Value.Json!.Length, 100_000, 1_000_000);
        Assert.Contains("break-inside:avoid", html, StringComparison.Ordinal);
        Assert.Contains("@page", html, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme:dark", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_MarkupInTitleAndNames_IsEncodedEverywhere()
    {
        var input = DemoReport.Input();
        var hostile = new ReportInput
        {
            Title = "<script>alert('t')</script>",
            StrategyName = "A&B <img onerror=x>",
            BenchmarkName = "\"quoted\"",
            Returns = input.Returns,
            Benchmark = input.Benchmark,
            Dates = input.Dates,
        };

        var html = Encoding.UTF8.GetString(Renderer.Render(hostile).Html!);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A&amp;B &lt;img onerror=x&gt;", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<script"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(25)]
    public void Render_ShortSeriesWithoutDatesOrBenchmark_DegradesWithNotes(int n)
    {
        var input = new ReportInput { Returns = Enumerable.Range(0, n).Select(i => (i % 3 - 1) * 0.01).ToArray() };

        var documents = Renderer.Render(input);
        var html = Encoding.UTF8.GetString(documents.Html!);

        Assert.Contains(documents.Model.Notes, x => x.Section == "benchmark");
        Assert.Contains(documents.Model.Notes, x => x.Section == "calendar");
        Assert.Contains(documents.Model.Notes, x => x.Section == "rolling");
        Assert.Equal(n < 20, documents.Model.Notes.Any(x => x.Section == "monte_carlo"));
        Assert.Contains("class=\"notes\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"note\"", html, StringComparison.Ordinal);
        Assert.Empty(documents.Model.Eoy);
    }

    [Fact]
    public void Render_MissingValuesUnderSkip_DegradesNotThrows()
    {
        var input = DemoReport.Input();
        var returns = input.Returns;
        for (var i = 0; i < returns.Length; i += 97)
        {
            returns[i] = double.NaN;
        }

        var documents = Renderer.Render(new ReportInput { Returns = returns, Benchmark = input.Benchmark, Dates = input.Dates, NanPolicy = MetricsNanPolicy.Skip });

        Assert.Equal(returns.Count(double.IsFinite), documents.Model.Period.Observations);
        Assert.NotEmpty(documents.Model.Monthly);
    }

    [Fact]
    public void Render_MissingValueUnderReject_ThrowsValidationNamingTheRow()
    {
        var input = new ReportInput { Returns = [0.01, double.NaN, 0.02] };

        var ex = Assert.Throws<MetricsValidationException>(() => Renderer.Render(input));

        Assert.Equal("returns[1]", ex.FieldPath);
    }

    [Fact]
    public void Model_Demo_WorstDrawdownsSortedByDepthAndStressWindowsInsideData()
    {
        var model = Demo.Value.Model;

        Assert.Equal(10, model.WorstDrawdowns.Count);
        Assert.True(model.WorstDrawdowns.Zip(model.WorstDrawdowns.Skip(1)).All(p => p.First.Depth <= p.Second.Depth));
        Assert.Equal(model.Metrics["max_drawdown"], model.WorstDrawdowns[0].Depth, 1e-12);
        Assert.Contains(model.Stress, s => s.Name.StartsWith("Lehman", StringComparison.Ordinal));
        Assert.DoesNotContain(model.Stress, s => s.Name == "COVID crash");
        Assert.Equal(5, model.ReturnQuantiles.Count);
        Assert.NotNull(model.MonteCarlo);
        Assert.True(model.MonteCarlo!.P05 <= model.MonteCarlo.P50 && model.MonteCarlo.P50 <= model.MonteCarlo.P95);
        var groups = model.MetricsTable.Select(g => g.Rows[0].Label).ToArray();
        Assert.Equal(["Start Period", "Cumulative Return", "Sharpe", "Max Drawdown", "Expected Daily %", "Max Consecutive Wins", "Payoff Ratio", "MTD", "Best Day", "Avg. Drawdown", "Avg. Up Month", "Beta"], groups);
    }

    [Fact]
    public void Render_SameInput_SameBytes()
    {
        var again = Renderer.Render(DemoReport.Input());

        Assert.Equal(Demo.Value.Html, again.Html);
        Assert.Equal(Demo.Value.Json, again.Json);
    }

    [GeneratedRegex("https?://[^\\s\"'<>)]*")]
    private static partial Regex Url();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex HrefValue();
}
