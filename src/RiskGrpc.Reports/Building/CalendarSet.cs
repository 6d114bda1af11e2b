using RiskGrpc.Engine.Metrics;
using RiskGrpc.Kernel;

namespace RiskGrpc.Reports;

/// <summary>
/// The engine's metrics over calendar aggregates (monthly, quarterly, yearly compounded returns, with A = 12, 4, 1) and
/// over trailing date windows, for the metrics table rows QuantStats computes on resampled or trailing returns.
/// Quarterly returns compound the engine's monthly ones. Null members mean "no dates" or "too short".
/// </summary>
internal sealed class CalendarSet
{
    private readonly IMetricsEngine engine;
    private readonly ReportInput input;

    public CalendarSet(IMetricsEngine engine, MetricsResult main, MetricsResult? bench, double periodsPerYear, ReportInput input)
    {
        this.engine = engine;
        this.input = input;
        PeriodsPerYear = periodsPerYear;
        Monthly = Aggregate(main.Monthly, 12);
        Yearly = Aggregate(main.Yearly, 1);
        Quarterly = Aggregate(Quarters(main.Monthly), 4);
        BenchmarkMonthly = Aggregate(bench?.Monthly, 12);
        BenchmarkYearly = Aggregate(bench?.Yearly, 1);
        BenchmarkQuarterly = Aggregate(Quarters(bench?.Monthly), 4);
        QuarterlyValues = Quarters(main.Monthly)?.Select(q => q.Value).ToArray();
    }

    public double PeriodsPerYear { get; }

    public ReturnMetrics? Monthly { get; }

    public ReturnMetrics? Quarterly { get; }

    public ReturnMetrics? Yearly { get; }

    public ReturnMetrics? BenchmarkMonthly { get; }

    public ReturnMetrics? BenchmarkQuarterly { get; }

    public ReturnMetrics? BenchmarkYearly { get; }

    public double[]? QuarterlyValues { get; }

    /// <summary>
    /// The engine's metrics of the strategy and benchmark over rows dated after <paramref name="from"/> (inclusive when
    /// <paramref name="inclusive"/>); null when there are no dates, no such rows, or the data do not reach back that far.
    /// </summary>
    public (ReturnMetrics Strategy, ReturnMetrics? Benchmark)? Trailing(DateTime from, bool inclusive, bool requireFullWindow)
    {
        var dates = input.Dates;
        if (dates is null || dates.Length == 0 || (requireFullWindow && dates[0] > from))
        {
            return null;
        }

        var start = Array.FindIndex(dates, d => inclusive ? d >= from : d > from);
        if (start < 0)
        {
            return null;
        }

        return Window(start, dates.Length);
    }

    /// <summary>The engine's metrics over rows [start, end) of the input; null when the window is empty.</summary>
    public (ReturnMetrics Strategy, ReturnMetrics? Benchmark)? Window(int start, int end)
    {
        if (end <= start)
        {
            return null;
        }

        try
        {
            var s = engine.Compute(Slice(input.Returns, start, end)).Metrics;
            ReturnMetrics? b = input.Benchmark is { } bench ? engine.Compute(Slice(bench, start, end)).Metrics : null;
            return (s, b);
        }
        catch (MetricsValidationException)
        {
            // A window left with no usable row under SKIP (all missing): the section shows no value.
            return null;
        }
    }

    private MetricsRequest Slice(double[] values, int start, int end) => new()
    {
        Returns = values.AsMemory(start, end - start),
        PeriodsPerYear = input.PeriodsPerYear,
        RiskFreeRate = input.RiskFreeRate,
        NanPolicy = input.NanPolicy,
    };

    private ReturnMetrics? Aggregate(CalendarPeriodReturn[]? periods, double periodsPerYear)
    {
        if (periods is null || periods.Length == 0)
        {
            return null;
        }

        return engine.Compute(new MetricsRequest
        {
            Returns = periods.Select(p => p.Value).ToArray(),
            PeriodsPerYear = periodsPerYear,
            RiskFreeRate = input.RiskFreeRate,
        }).Metrics;
    }

    private static CalendarPeriodReturn[]? Quarters(CalendarPeriodReturn[]? monthly) =>
        monthly?.GroupBy(m => (m.Year, Quarter: (m.Month - 1) / 3))
            .Select(g => new CalendarPeriodReturn(g.Key.Year, (g.Key.Quarter * 3) + 1, g.Aggregate(1.0, (w, m) => w * (1 + m.Value)) - 1))
            .ToArray();
}
