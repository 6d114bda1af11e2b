using System.Globalization;

namespace RiskGrpc.Reports.Demo;

/// <summary>
/// The bundled sample: 2,520 daily returns (2008-04-09 … 2018-04-11) of an equal-weight, daily rebalanced basket of
/// AAPL, AMZN, GOOG, MA and SBUX against one of GE, WMT, XOM, PFE, JPM, T, BAC and BBY, derived from the prices in
/// PyPortfolioOpt's test data (MIT; see Demo/NOTICE.md).
/// </summary>
public static class DemoReport
{
    private static readonly Lazy<(DateTime[] Dates, double[] Strategy, double[] Benchmark)> Data = new(Load);

    /// <summary>A report input over the bundled sample (fresh arrays each call).</summary>
    public static ReportInput Input() => new()
    {
        Title = "Demo: growth basket vs value basket",
        StrategyName = "Growth basket",
        BenchmarkName = "Value basket",
        Dates = (DateTime[])Data.Value.Dates.Clone(),
        Returns = (double[])Data.Value.Strategy.Clone(),
        Benchmark = (double[])Data.Value.Benchmark.Clone(),
        PeriodsPerYear = 252,
    };

    private static (DateTime[], double[], double[]) Load()
    {
        using var stream = typeof(DemoReport).Assembly.GetManifestResourceStream("RiskGrpc.Reports.Demo.demo-returns.csv")
            ?? throw new InvalidOperationException("the demo returns resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        var dates = new List<DateTime>();
        var strategy = new List<double>();
        var benchmark = new List<double>();
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var cells = line.Split(',');
            dates.Add(DateTime.SpecifyKind(DateTime.ParseExact(cells[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateTimeKind.Utc));
            strategy.Add(double.Parse(cells[1], CultureInfo.InvariantCulture));
            benchmark.Add(double.Parse(cells[2], CultureInfo.InvariantCulture));
        }

        return ([.. dates], [.. strategy], [.. benchmark]);
    }
}
