using System.Text;
using RiskGrpc.Reports.Charts;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Reports.Tests.Charts;

/// <summary>
/// The chart kit's output is compared byte for byte with committed SVGs (Golden/*.svg). After an intended change,
/// regenerate with <c>RISKGRPC_UPDATE_GOLDEN=1 dotnet test --project tests/RiskGrpc.Reports.Tests -c Release</c> and
/// review the diff (open the files in a browser).
/// </summary>
public sealed class SvgGoldenTests
{
    private static readonly DateTime Start = new(2019, 12, 30, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Charts => new(Renderers.Keys);

    private static readonly Dictionary<string, Action<StringBuilder>> Renderers = new()
    {
        ["line-dates-spans-reference"] = sb =>
        {
            var x = Enumerable.Range(0, 400).Select(i => ChartTime.ToDays(Start.AddDays(i))).ToArray();
            var a = Enumerable.Range(0, 400).Select(i => Math.Sin(i / 30.0) * 0.2 + (i * 0.001)).ToArray();
            var b = Enumerable.Range(0, 400).Select(i => Math.Cos(i / 45.0) * 0.1).ToArray();
            XyChart.Render(sb, new XyChartSpec
            {
                Title = "Line <golden> & spans",
                Series = [new ChartSeries("Benchmark", x, b, SeriesStyle.Line, 2), new ChartSeries("Strategy", x, a, SeriesStyle.Line, 1)],
                Spans = [new ShadedSpan(x[40], x[90], "#1: -20.00%")],
                References = [new ReferenceLine(0.05, "Mean", 3)],
            });
        },
        ["area-rows-log"] = sb =>
        {
            var x = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
            var y = Enumerable.Range(0, 50).Select(i => Math.Pow(1.08, i) - 1).ToArray();
            XyChart.Render(sb, new XyChartSpec { Title = "Log wealth", Series = [new ChartSeries("Strategy", x, y, SeriesStyle.Area, 1)], LogY = true, TimeAxis = false });
        },
        ["bars-eoy"] = sb => CategoryBarChart.Render(sb, "EOY", ["2019", "2020", "2021"], [("Benchmark", 2, [0.1, -0.05, double.NaN]), ("Strategy", 1, [0.2, -0.1, 0.3])]),
        ["histogram-kde"] = sb => HistogramChart.Render(sb, "Monthly", [("Strategy", 1, Enumerable.Range(0, 60).Select(i => Math.Sin(i * 1.7) * 0.05).ToArray())], 12),
        ["box-quantiles"] = sb => BoxPlotChart.Render(sb, "Quantiles", [("Daily", BoxStats.Of(Enumerable.Range(0, 100).Select(i => Math.Sin(i) * 0.02).Append(0.09))), ("Empty", BoxStats.Of([]))]),
        ["heatmap-monthly"] = sb =>
        {
            var grid = new double[2, 12];
            for (var m = 0; m < 12; m++)
            {
                grid[0, m] = m < 3 ? double.NaN : (m - 6) / 100.0;
                grid[1, m] = -0.0000001 * m;
            }

            HeatmapChart.Render(sb, "Heatmap", [2020, 2021], grid);
        },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Render_FixedInput_MatchesGoldenFileByteForByte(string name)
    {
        var actual = RenderTwice(name);
        var path = Path.Combine(SharedData.RepositoryRoot, "tests", "RiskGrpc.Reports.Tests", "Golden", name + ".svg");
        if (Environment.GetEnvironmentVariable("RISKGRPC_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing (RISKGRPC_UPDATE_GOLDEN=1 writes it)");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Fact]
    public void Render_NegativeZeroValues_NoMinusZeroLabelInHeatmap()
    {
        var svg = RenderTwice("heatmap-monthly");

        Assert.DoesNotContain(">-0.0%<", svg, StringComparison.Ordinal);
        Assert.Contains(">0.0%<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleWithMarkup_IsEncoded()
    {
        var svg = RenderTwice("line-dates-spans-reference");

        Assert.Contains("Line &lt;golden&gt; &amp; spans", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<golden>", svg, StringComparison.Ordinal);
    }

    private static string RenderTwice(string name)
    {
        var first = new StringBuilder();
        Renderers[name](first);
        var second = new StringBuilder();
        Renderers[name](second);
        Assert.Equal(first.ToString(), second.ToString());
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"" + first.ToString()[4..];
        return svg;
    }
}
