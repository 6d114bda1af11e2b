using System.Globalization;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Kernel;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports;

/// <summary>The key performance metrics table: QuantStats' full-mode rows and groups, where the catalogue has the metric.</summary>
public sealed partial class ReportBuilder
{
    private static List<MetricsTableGroup> MetricsTable(ReportInput input, MetricsResult main, MetricsResult? bench, CalendarSet cal, int[] rows)
    {
        var m = main.Metrics;
        ReturnMetrics? bm = bench?.Metrics;
        MetricsTableRow R(string label, string metric, string format, Func<ReturnMetrics, double> get) =>
            new(label, metric, format, get(m), bm is { } b ? get(b) : null);
        MetricsTableRow Agg(string label, string metric, string format, ReturnMetrics? s, ReturnMetrics? b, Func<ReturnMetrics, double> get) =>
            new(label, metric, format, s is { } sv ? get(sv) : null, b is { } bv ? get(bv) : null);
        MetricsTableRow Rel(string label, string metric, string format, Func<RelativeMetrics, double> get) =>
            new(label, metric, format, main.Relative is { } r ? get(r) : null, null);

        var dates = input.Dates;
        var first = main.Observations > 0 && dates is not null ? dates[0] : (DateTime?)null;
        var last = dates is { Length: > 0 } ? dates[^1] : (DateTime?)null;
        var deepest = main.Drawdowns.Length > 0 ? main.Drawdowns[0] : (MetricsDrawdownEpisode?)null;
        var longestDays = LongestDays(main.Underwater, dates, rows);
        var benchLongestDays = bench is null ? null : LongestDays(bench.Underwater, dates, UsedRows(input.Benchmark!, input.NanPolicy));
        var tail = main.TailRisk[0];
        var benchTail = bench?.TailRisk[0];
        var conf = input.Confidence.ToString("0.##", CultureInfo.InvariantCulture);

        var groups = new List<MetricsTableGroup>
        {
            new([
                new("Start Period", "period.start", "date", null, null, Date(first), bench is null ? null : Date(first)),
                new("End Period", "period.end", "date", null, null, Date(last), bench is null ? null : Date(last)),
                new("Risk-Free Rate", "risk_free_rate", "percent", input.RiskFreeRate, bench is null ? null : input.RiskFreeRate),
                R("Time in Market", "exposure", "percent", x => x.Exposure),
            ]),
            new([R("Cumulative Return", "total_return", "percent", x => x.TotalReturn), R("CAGR %", "cagr", "percent", x => x.Cagr)]),
            new([
                R("Sharpe", "sharpe", "ratio", x => x.Sharpe),
                R("Prob. Sharpe Ratio", "probabilistic_sharpe_ratio", "percent", x => x.ProbabilisticSharpeRatio),
                R("Smart Sharpe", "smart_sharpe", "ratio", x => x.SmartSharpe),
                R("Sortino", "sortino", "ratio", x => x.Sortino),
                R("Smart Sortino", "smart_sortino", "ratio", x => x.SmartSortino),
                R("Sortino/√2", "adjusted_sortino", "ratio", x => x.AdjustedSortino),
                R("Omega", "omega", "ratio", x => x.Omega),
            ]),
            new([
                R("Max Drawdown", "max_drawdown", "percent", x => x.MaxDrawdown),
                new("Max DD Date", "drawdowns[0].valley", "date", null, null, Date(deepest?.ValleyTime), bench is null ? null : Date(bench.Drawdowns.FirstOrDefault().ValleyTime)),
                new("Max DD Period Start", "drawdowns[0].peak", "date", null, null, Date(deepest?.PeakTime ?? first), bench is null ? null : Date(bench.Drawdowns.Length > 0 ? bench.Drawdowns[0].PeakTime ?? first : null)),
                new("Max DD Period End", "drawdowns[0].recovery", "date", null, null, RecoveryText(main), bench is null ? null : RecoveryText(bench)),
                new("Longest DD Days", "drawdowns.longest_days", "days", longestDays, benchLongestDays),
                R("Longest DD (periods)", "max_drawdown_duration", "periods", x => x.MaxDrawdownDuration),
                R("Volatility (ann.)", "volatility", "percent", x => x.Volatility),
                Rel("R^2", "r_squared", "ratio", x => x.RSquared),
                Rel("Information Ratio", "information_ratio", "ratio", x => x.InformationRatio),
                R("Calmar", "calmar", "ratio", x => x.Calmar),
                R("Skew", "skew", "ratio", x => x.Skew),
                R("Kurtosis", "kurtosis", "ratio", x => x.Kurtosis),
            ]),
            new([
                R("Expected Daily %", "expected_return", "percent", x => x.ExpectedReturn),
                Agg("Expected Monthly %", "expected_return@monthly", "percent", cal.Monthly, cal.BenchmarkMonthly, x => x.ExpectedReturn),
                Agg("Expected Yearly %", "expected_return@yearly", "percent", cal.Yearly, cal.BenchmarkYearly, x => x.ExpectedReturn),
                R("Kelly Criterion", "kelly_criterion", "percent", x => x.KellyCriterion),
                R("Risk of Ruin", "risk_of_ruin", "percent", x => x.RiskOfRuin),
                new($"Daily Value-at-Risk ({conf})", "var_gaussian", "percent", tail.VarGaussian, benchTail?.VarGaussian),
                new($"Expected Shortfall (cVaR, {conf})", "cvar_quantstats", "percent", tail.CvarQuantstats, benchTail?.CvarQuantstats),
            ]),
            new([
                R("Max Consecutive Wins", "consecutive_wins", "count", x => x.ConsecutiveWins),
                R("Max Consecutive Losses", "consecutive_losses", "count", x => x.ConsecutiveLosses),
                R("Gain/Pain Ratio", "gain_to_pain_ratio", "ratio", x => x.GainToPainRatio),
                Agg("Gain/Pain (1M)", "gain_to_pain_ratio@monthly", "ratio", cal.Monthly, cal.BenchmarkMonthly, x => x.GainToPainRatio),
            ]),
            new([
                R("Payoff Ratio", "payoff_ratio", "ratio", x => x.PayoffRatio),
                R("Profit Factor", "profit_factor", "ratio", x => x.ProfitFactor),
                R("Common Sense Ratio", "common_sense_ratio", "ratio", x => x.CommonSenseRatio),
                R("CPC Index", "cpc_index", "ratio", x => x.CpcIndex),
                R("Tail Ratio", "tail_ratio", "ratio", x => x.TailRatio),
                R("Outlier Win Ratio", "outlier_win_ratio", "ratio", x => x.OutlierWinRatio),
                R("Outlier Loss Ratio", "outlier_loss_ratio", "ratio", x => x.OutlierLossRatio),
            ]),
            new(TrailingRows(cal, last, main, bench)),
            new([
                R("Best Day", "best", "percent", x => x.Best),
                R("Worst Day", "worst", "percent", x => x.Worst),
                Agg("Best Month", "best@monthly", "percent", cal.Monthly, cal.BenchmarkMonthly, x => x.Best),
                Agg("Worst Month", "worst@monthly", "percent", cal.Monthly, cal.BenchmarkMonthly, x => x.Worst),
                Agg("Best Year", "best@yearly", "percent", cal.Yearly, cal.BenchmarkYearly, x => x.Best),
                Agg("Worst Year", "worst@yearly", "percent", cal.Yearly, cal.BenchmarkYearly, x => x.Worst),
            ]),
            new([
                R("Avg. Drawdown", "avg_drawdown", "percent", x => x.AvgDrawdown),
                R("Avg. Drawdown (periods)", "avg_drawdown_duration", "periods", x => x.AvgDrawdownDuration),
                R("Recovery Factor", "recovery_factor", "ratio", x => x.RecoveryFactor),
                R("Ulcer Index", "ulcer_index", "ratio", x => x.UlcerIndex),
                R("Serenity Index", "serenity_index", "ratio", x => x.SerenityIndex),
            ]),
            new([
                Agg("Avg. Up Month", "avg_win@monthly", "percent", cal.Monthly, cal.BenchmarkMonthly, x => x.AvgWin),
                Agg("Avg. Down Month", "avg_loss@monthly", "percent", cal.Monthly, cal.BenchmarkMonthly, x => x.AvgLoss),
                R("Win Days %", "win_rate", "percent", x => x.WinRate),
                Agg("Win Month %", "win_rate@monthly", "percent", cal.Monthly, cal.BenchmarkMonthly, x => x.WinRate),
                Agg("Win Quarter %", "win_rate@quarterly", "percent", cal.Quarterly, cal.BenchmarkQuarterly, x => x.WinRate),
                Agg("Win Year %", "win_rate@yearly", "percent", cal.Yearly, cal.BenchmarkYearly, x => x.WinRate),
            ]),
        };

        if (main.Relative is not null)
        {
            groups.Add(new([
                Rel("Beta", "beta", "ratio", x => x.Beta),
                Rel("Alpha", "alpha_linear", "percent", x => x.AlphaLinear),
                Rel("Correlation", "correlation", "percent", x => x.Correlation),
                Rel("Treynor Ratio", "treynor_ratio", "percent", x => x.TreynorRatio),
            ]));
        }

        return groups;
    }

    private static MetricsTableRow[] TrailingRows(CalendarSet cal, DateTime? last, MetricsResult main, MetricsResult? bench)
    {
        if (last is not { } end)
        {
            return [new("All-time (ann.)", "cagr@all", "percent", main.Metrics.Cagr, bench?.Metrics.Cagr)];
        }

        MetricsTableRow Row(string label, string metric, DateTime from, bool inclusive, bool full, bool annualised)
        {
            var w = cal.Trailing(from, inclusive, full);
            double? Pick(ReturnMetrics? x) => x is { } v ? (annualised ? v.Cagr : v.TotalReturn) : null;
            return new MetricsTableRow(label, metric, "percent", Pick(w?.Strategy), Pick(w?.Benchmark));
        }

        return
        [
            Row("MTD", "total_return@mtd", new DateTime(end.Year, end.Month, 1, 0, 0, 0, end.Kind), true, false, false),
            Row("3M", "total_return@3m", end.AddMonths(-3), false, true, false),
            Row("6M", "total_return@6m", end.AddMonths(-6), false, true, false),
            Row("YTD", "total_return@ytd", new DateTime(end.Year, 1, 1, 0, 0, 0, end.Kind), true, false, false),
            Row("1Y", "total_return@1y", end.AddYears(-1), false, true, false),
            Row("3Y (ann.)", "cagr@3y", end.AddYears(-3), false, true, true),
            Row("5Y (ann.)", "cagr@5y", end.AddYears(-5), false, true, true),
            Row("10Y (ann.)", "cagr@10y", end.AddYears(-10), false, true, true),
            new MetricsTableRow("All-time (ann.)", "cagr@all", "percent", main.Metrics.Cagr, bench?.Metrics.Cagr),
        ];
    }

    /// <summary>
    /// Calendar days of the longest drawdown episode of the engine's underwater series: from the peak (the row before the
    /// first dd &lt; 0, or the first row when underwater from the start) to the first row back at dd = 0, or to the last row.
    /// </summary>
    private static double? LongestDays(double[]? underwater, DateTime[]? dates, int[] rows)
    {
        if (underwater is null || dates is null || rows.Length == 0)
        {
            return null;
        }

        var longest = 0.0;
        var peak = -1;
        for (var t = 0; t < underwater.Length; t++)
        {
            if (underwater[t] < 0 && peak < 0)
            {
                peak = Math.Max(0, t - 1);
            }
            else if (underwater[t] >= 0 && peak >= 0)
            {
                longest = Math.Max(longest, (dates[rows[t]] - dates[rows[peak]]).TotalDays);
                peak = -1;
            }
        }

        if (peak >= 0)
        {
            longest = Math.Max(longest, (dates[rows[^1]] - dates[rows[peak]]).TotalDays);
        }

        return longest;
    }

    private static string? RecoveryText(MetricsResult result) =>
        result.Drawdowns.Length == 0 ? null : Date(result.Drawdowns[0].RecoveryTime) ?? "not recovered";

    private static string? Date(DateTime? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
