using System.Reflection;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Kernel;
using RiskGrpc.Reports.Charts;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports;

/// <summary>
/// Builds a report from the metrics engine's results: every scalar, table and series comes from
/// <see cref="IMetricsEngine.Compute"/> on the input (or on its calendar aggregates and date windows), so the report
/// and <c>MetricsService/ComputeMetrics</c> agree by construction. Sections that the data cannot support are left out
/// with a <see cref="ReportNote"/>, never an exception; invalid input throws the engine's
/// <see cref="MetricsValidationException"/> naming the field.
/// </summary>
public sealed partial class ReportBuilder(IMetricsEngine engine)
{
    private static readonly string Version =
        typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Drawdown episodes the engine returns (the worst-drawdowns table); the kernel keeps them sorted by depth.</summary>
    private const int WorstDrawdownCount = 10;

    /// <summary>Builds the report of <paramref name="input"/>.</summary>
    /// <exception cref="MetricsValidationException">The input is invalid for the metrics API.</exception>
    public ReportContent Build(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var notes = new List<ReportNote>();
        var a = input.PeriodsPerYear == 0 ? MetricsRequest.DefaultPeriodsPerYear : input.PeriodsPerYear;
        var hasBenchmark = input.Benchmark is not null;
        var hasDates = input.Dates is not null;
        var shortWindow = Math.Max(2, (int)Math.Round(a / 2));
        var longWindow = Math.Max(2, (int)Math.Round(a));
        var seriesKinds = MetricsSeriesKinds.Cumulative | MetricsSeriesKinds.Underwater
            | (hasDates ? MetricsSeriesKinds.Monthly | MetricsSeriesKinds.Yearly : MetricsSeriesKinds.None);

        var request = input.ToMetricsRequest();
        var main = engine.Compute(With(request, seriesKinds, WorstDrawdownCount, shortWindow,
            hasBenchmark ? [RollingMetricKind.Sharpe, RollingMetricKind.Volatility, RollingMetricKind.Sortino, RollingMetricKind.Beta]
                         : [RollingMetricKind.Sharpe, RollingMetricKind.Volatility, RollingMetricKind.Sortino]));
        MetricsResult? beta12 = hasBenchmark ? engine.Compute(With(request, MetricsSeriesKinds.None, 0, longWindow, [RollingMetricKind.Beta])) : null;
        MetricsResult? bench = null;
        if (input.Benchmark is { } b)
        {
            bench = engine.Compute(new MetricsRequest
            {
                Returns = b,
                Timestamps = input.Dates,
                PeriodsPerYear = input.PeriodsPerYear,
                RiskFreeRate = input.RiskFreeRate,
                NanPolicy = input.NanPolicy,
                ConfidenceLevels = new[] { input.Confidence },
                Series = seriesKinds,
                DrawdownEpisodes = WorstDrawdownCount,
                RollingWindow = shortWindow,
                RollingMetrics = new[] { RollingMetricKind.Volatility },
            });
        }
        else
        {
            notes.Add(new ReportNote("benchmark", "No benchmark was given: benchmark columns, rolling beta and relative metrics are left out."));
        }

        if (!hasDates)
        {
            notes.Add(new ReportNote("calendar", "The returns have no dates: EOY, monthly, trailing-period and stress sections are left out and charts use row numbers."));
        }

        if (input.MissingLivePortfolio is { } missing)
        {
            notes.Add(new ReportNote("live_risk", $"LiveRiskService has no state for portfolio '{missing}': the live-risk view is left out."));
        }

        var rows = UsedRows(input.Returns, input.NanPolicy);
        var x = XValues(input.Dates, rows);
        var returns = rows.Select(i => Value(input.Returns[i], input.NanPolicy)).ToArray();
        var calendar = new CalendarSet(engine, main, bench, a, input);
        var boxes = Boxes(returns, input.Dates, rows, main, calendar);
        var (monteCarlo, bands, median) = MonteCarlo(input, returns, main.Metrics.MaxDrawdown, a, notes);
        var stress = hasDates ? Stress(calendar, input.Dates!) : [];
        if (hasDates && stress.Length == 0)
        {
            notes.Add(new ReportNote("stress", "No named historical stress window overlaps the data."));
        }

        var model = new ReportModel
        {
            Title = input.Title,
            Generator = "RiskGrpc.Reports " + Version,
            Parameters = new ReportParameters(input.RiskFreeRate, a, input.StrategyName, hasBenchmark ? input.BenchmarkName : null, "compounded", input.NanPolicy.ToString().ToUpperInvariant(), input.Confidence),
            Period = new ReportPeriod(hasDates && rows.Length > 0 ? input.Dates![rows[0]] : null, hasDates && rows.Length > 0 ? input.Dates![rows[^1]] : null, main.Observations),
            Metrics = Scalars(main.Metrics),
            BenchmarkMetrics = bench is null ? null : Scalars(bench.Metrics),
            Relative = main.Relative is { } rel ? MetricCatalogue.Relative.ToDictionary(f => f.Name, f => f.Get(rel)) : null,
            TailRisk = [new TailRiskRow(input.Confidence, TailScalars(main.TailRisk[0]), bench is null ? null : TailScalars(bench.TailRisk[0]))],
            MetricsTable = MetricsTable(input, main, bench, calendar, rows),
            Eoy = Eoy(main, bench),
            Monthly = main.Monthly?.Select(m => new MonthReturnCell(m.Year, m.Month, m.Value)).ToArray() ?? [],
            WorstDrawdowns = main.Drawdowns.Take(10).Select(e => Row(e, input.Dates, rows)).ToArray(),
            ReturnQuantiles = boxes.Select(q => new ReturnQuantileRow(q.Label, q.Box.Count, q.Min, q.Box.Q1, q.Box.Median, q.Box.Q3, q.Max)).ToArray(),
            MonteCarlo = monteCarlo,
            Stress = stress,
            LiveRisk = input.LiveRisk,
            Notes = notes,
        };

        var series = new ReportSeries
        {
            HasDates = hasDates,
            Rows = rows,
            X = x,
            Returns = returns,
            Cumulative = main.Cumulative!,
            Underwater = main.Underwater!,
            BenchmarkX = bench is null ? null : XValues(input.Dates, UsedRows(input.Benchmark!, input.NanPolicy)),
            BenchmarkCumulative = bench?.Cumulative,
            VolMatchedCumulative = bench is null ? null : VolMatched(returns, main.Metrics.Volatility, bench.Metrics.Volatility),
            RollingVolatility = RollingVolatility(input, main, bench, rows, shortWindow),
            RollingBeta = RollingBeta(input, main, beta12, shortWindow, longWindow),
            RollingSharpe = Rolling(main, RollingMetricKind.Sharpe, x),
            RollingSortino = Rolling(main, RollingMetricKind.Sortino, x),
            WorstFive = main.Drawdowns.Take(5).ToArray(),
            MonthlyStrategy = main.Monthly?.Select(m => m.Value).ToArray() ?? [],
            MonthlyBenchmark = bench?.Monthly?.Select(m => m.Value).ToArray(),
            Boxes = boxes.Select(q => (q.Label, q.Box)).ToArray(),
            FanBands = bands,
            FanMedian = median,
        };

        if (main.Observations < shortWindow + 1)
        {
            notes.Add(new ReportNote("rolling", $"Fewer than {shortWindow + 1} returns: the rolling charts have no window to show."));
        }

        return new ReportContent(model, series);
    }

    private static MetricsRequest With(MetricsRequest r, MetricsSeriesKinds series, int episodes, int window, RollingMetricKind[] rolling) => new()
    {
        Returns = r.Returns,
        Benchmark = r.Benchmark,
        Timestamps = r.Timestamps,
        PeriodsPerYear = r.PeriodsPerYear,
        RiskFreeRate = r.RiskFreeRate,
        NanPolicy = r.NanPolicy,
        ConfidenceLevels = r.ConfidenceLevels,
        Series = series,
        DrawdownEpisodes = episodes,
        RollingWindow = window,
        RollingMetrics = rolling,
    };

    internal static Dictionary<string, double> Scalars(in ReturnMetrics m)
    {
        var result = new Dictionary<string, double>(MetricCatalogue.Returns.Count);
        foreach (var f in MetricCatalogue.Returns)
        {
            result[f.Name] = f.Get(m);
        }

        return result;
    }

    private static Dictionary<string, double> TailScalars(in TailRiskMetrics m)
    {
        var result = new Dictionary<string, double>(MetricCatalogue.TailRisk.Count);
        foreach (var f in MetricCatalogue.TailRisk)
        {
            result[f.Name] = f.Get(m);
        }

        return result;
    }

    /// <summary>Rows the engine's returns-only outputs use: finite rows under SKIP, all rows otherwise.</summary>
    internal static int[] UsedRows(double[] values, MetricsNanPolicy policy)
    {
        if (policy != MetricsNanPolicy.Skip)
        {
            return Enumerable.Range(0, values.Length).ToArray();
        }

        return Enumerable.Range(0, values.Length).Where(i => double.IsFinite(values[i])).ToArray();
    }

    private static double Value(double v, MetricsNanPolicy policy) => policy == MetricsNanPolicy.Zero && double.IsNaN(v) ? 0 : v;

    private static double[] XValues(DateTime[]? dates, int[] rows) =>
        dates is null ? rows.Select(r => (double)r).ToArray() : rows.Select(r => ChartTime.ToDays(dates[r])).ToArray();

    private static double[] VolMatched(double[] returns, double volatility, double benchmarkVolatility)
    {
        var scale = volatility > 0 && double.IsFinite(benchmarkVolatility) ? benchmarkVolatility / volatility : 1;
        var scaled = returns.Select(r => r * scale).ToArray();
        var cumulative = new double[scaled.Length];
        DrawdownAnalyzer.Cumulative(scaled, cumulative);
        return cumulative;
    }

    private static DrawdownRow Row(MetricsDrawdownEpisode e, DateTime[]? dates, int[] rows)
    {
        int? days = null;
        DateTime? start = e.PeakTime, valley = e.ValleyTime, recovery = e.RecoveryTime;
        if (dates is not null && rows.Length > 0)
        {
            start ??= dates[rows[0]];
            days = (int)Math.Round(((recovery ?? dates[rows[^1]]) - start.Value).TotalDays);
        }

        return new DrawdownRow(e.PeakIndex, e.ValleyIndex, e.RecoveryIndex, start, valley, recovery, e.Depth, e.Length, days);
    }

    private static YearReturnRow[] Eoy(MetricsResult main, MetricsResult? bench)
    {
        if (main.Yearly is null)
        {
            return [];
        }

        var benchByYear = bench?.Yearly?.ToDictionary(y => y.Year, y => y.Value);
        return main.Yearly.Select(y =>
        {
            double? b = benchByYear is not null && benchByYear.TryGetValue(y.Year, out var v) ? v : null;
            return new YearReturnRow(y.Year, y.Value, b, b is { } bv && bv != 0 ? y.Value / bv : null, b is { } bw ? y.Value > bw : null);
        }).ToArray();
    }

    private static (double[] X, double[] Y)? Rolling(MetricsResult result, RollingMetricKind kind, double[] x)
    {
        var series = result.Rolling.FirstOrDefault(r => r.Metric == kind);
        if (series is null || series.Values.Length == 0)
        {
            return null;
        }

        return (x.AsSpan(series.Window - 1, series.Values.Length).ToArray(), series.Values);
    }

    private static List<(string, double[], double[])> RollingVolatility(ReportInput input, MetricsResult main, MetricsResult? bench, int[] rows, int window)
    {
        var result = new List<(string, double[], double[])>();
        if (Rolling(main, RollingMetricKind.Volatility, XValues(input.Dates, rows)) is { } s)
        {
            result.Add((input.StrategyName, s.X, s.Y));
        }

        if (bench is not null && Rolling(bench, RollingMetricKind.Volatility, XValues(input.Dates, UsedRows(input.Benchmark!, input.NanPolicy))) is { } bs)
        {
            result.Add((input.BenchmarkName, bs.X, bs.Y));
        }

        _ = window;
        return result;
    }

    private static List<(string, double[], double[])> RollingBeta(ReportInput input, MetricsResult main, MetricsResult? beta12, int shortWindow, int longWindow)
    {
        if (input.Benchmark is not { } b)
        {
            return [];
        }

        var pairRows = input.NanPolicy == MetricsNanPolicy.Skip
            ? Enumerable.Range(0, b.Length).Where(i => double.IsFinite(b[i]) && double.IsFinite(input.Returns[i])).ToArray()
            : Enumerable.Range(0, b.Length).ToArray();
        var x = XValues(input.Dates, pairRows);
        var result = new List<(string, double[], double[])>();
        if (Rolling(main, RollingMetricKind.Beta, x) is { } s)
        {
            result.Add(($"6 months ({shortWindow} periods)", s.X, s.Y));
        }

        if (beta12 is not null && Rolling(beta12, RollingMetricKind.Beta, x) is { } l)
        {
            result.Add(($"12 months ({longWindow} periods)", l.X, l.Y));
        }

        return result;
    }
}
