using System.Globalization;
using System.Text;
using System.Text.Json;
using RiskGrpc.Backtesting;

namespace RiskGrpc.Cli.Commands;

/// <summary>Prints backtest results: a side-by-side table, Markdown, JSON, or one file per strategy in a directory.</summary>
internal static class BacktestCliOutput
{
    private static readonly (string Key, string Title, bool Percent)[] Columns =
    [
        ("cagr", "CAGR", true), ("volatility", "Volatility", true), ("sharpe", "Sharpe", false), ("sortino", "Sortino", false),
        ("max_drawdown", "Max DD", true),
    ];

    public static void Table(BacktestResult result, TextWriter stdout)
    {
        stdout.WriteLine($"{"strategy",-22}{string.Concat(Columns.Select(c => $"{c.Title,12}"))}{"Turnover/yr",13}{"Costs",10}");
        foreach (var s in result.Strategies)
        {
            if (s.Error is not null)
            {
                stdout.WriteLine($"{s.Name,-22}error: {s.Error}");
                continue;
            }

            stdout.WriteLine($"{s.Name,-22}{string.Concat(Columns.Select(c => $"{Cell(s.Metrics[c.Key], c.Percent),12}"))}{Cell(s.AnnualTurnover, false),13}{Cell(s.Costs, true),10}");
        }

        if (result.Comparisons.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Sharpe difference vs baseline (stationary bootstrap interval; Jobson-Korkie-Memmel test):");
            foreach (var c in result.Comparisons)
            {
                stdout.WriteLine(Comparison(c));
            }
        }
    }

    public static void Markdown(BacktestSpec spec, BacktestResult result, TextWriter stdout)
    {
        var first = result.Strategies.FirstOrDefault(s => s.Error is null);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Returns {first?.Dates[0]} to {first?.Dates[^1]}, {spec.Returns.AssetCount} assets, {spec.Schedule} rebalancing, lookback {spec.Lookback}, costs {spec.CostBps} bps of turnover, risk-free {spec.RiskFreeRate}."));
        stdout.WriteLine();
        stdout.WriteLine($"| strategy | {string.Join(" | ", Columns.Select(c => c.Title))} | Turnover/yr | Costs |");
        stdout.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|", Columns.Length + 2))}");
        foreach (var s in result.Strategies)
        {
            stdout.WriteLine(s.Error is not null
                ? $"| {s.Name} | error: {s.Error} |"
                : $"| {s.Name} | {string.Join(" | ", Columns.Select(c => Cell(s.Metrics[c.Key], c.Percent)))} | {Cell(s.AnnualTurnover, false)} | {Cell(s.Costs, true)} |");
        }

        if (result.Comparisons.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("| strategy − baseline | ΔSharpe | 95 % interval | bootstrap p | JKM z | JKM p |");
            stdout.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var c in result.Comparisons)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {c.Strategy} − {c.Baseline} | {c.Difference:F3} | [{c.IntervalLow:F3}, {c.IntervalHigh:F3}] | {c.BootstrapPValue:F3} | {c.MemmelZ:F2} | {c.MemmelPValue:F3} |"));
            }
        }
    }

    public static void Json(BacktestSpec spec, BacktestResult result, TextWriter stdout) => stdout.WriteLine(Encoding.UTF8.GetString(JsonBytes(spec, result, result.Strategies)));

    /// <summary>
    /// Per strategy: <c>NAME.json</c> (the JSON of that strategy alone), <c>NAME.returns.csv</c> and the tearsheet
    /// <c>NAME.html</c> of its net returns against the baseline's (the first strategy unless <paramref name="baseline"/>).
    /// </summary>
    public static void WriteDirectory(BacktestSpec spec, BacktestResult result, string directory, string? baseline = null)
    {
        Directory.CreateDirectory(directory);
        var reference = result.Strategies.FirstOrDefault(s => s.Name == (baseline ?? result.Strategies[0].Name) && s.Error is null);
        var renderer = new RiskGrpc.Reports.ReportRenderer(RiskGrpc.Engine.Metrics.MetricsEngine.Create());
        foreach (var s in result.Strategies)
        {
            if (s.Error is null && s.Returns.Length > 0)
            {
                var compared = reference is not null && reference.Name != s.Name;
                var report = renderer.Render(
                    new RiskGrpc.Reports.ReportInput
                    {
                        Title = $"{s.Name} — walk-forward backtest",
                        StrategyName = s.Name,
                        BenchmarkName = compared ? reference!.Name : "Benchmark",
                        Returns = s.Returns,
                        Benchmark = compared ? reference!.Returns : null,
                        Dates = [.. s.Dates.Select(d => DateTime.SpecifyKind(DateTime.Parse(d, CultureInfo.InvariantCulture), DateTimeKind.Utc))],
                        PeriodsPerYear = spec.PeriodsPerYear,
                        RiskFreeRate = spec.RiskFreeRate,
                    },
                    html: true,
                    json: false);
                File.WriteAllBytes(Path.Combine(directory, $"{s.Name}.html"), report.Html!);
            }

            File.WriteAllBytes(Path.Combine(directory, $"{s.Name}.json"), JsonBytes(spec, result with { Comparisons = [.. result.Comparisons.Where(c => c.Strategy == s.Name)] }, [s]));
            var csv = new StringBuilder("date,return\n");
            for (var i = 0; i < s.Returns.Length; i++)
            {
                csv.Append(s.Dates[i]).Append(',').Append(s.Returns[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }

            File.WriteAllText(Path.Combine(directory, $"{s.Name}.returns.csv"), csv.ToString());
        }
    }

    private static byte[] JsonBytes(BacktestSpec spec, BacktestResult result, IReadOnlyList<StrategyResult> strategies)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("assets");
            foreach (var asset in spec.Returns.Assets)
            {
                w.WriteStringValue(asset);
            }

            w.WriteEndArray();
            w.WriteStartObject("strategies");
            foreach (var s in strategies)
            {
                w.WriteStartObject(s.Name);
                if (s.Error is not null)
                {
                    w.WriteString("error", s.Error);
                }

                w.WriteStartArray("dates");
                foreach (var d in s.Dates)
                {
                    w.WriteStringValue(d);
                }

                w.WriteEndArray();
                w.WriteStartArray("returns");
                foreach (var r in s.Returns)
                {
                    w.WriteNumberValue(r);
                }

                w.WriteEndArray();
                w.WriteStartArray("weights");
                foreach (var r in s.Rebalances)
                {
                    w.WriteStartObject();
                    w.WriteString("date", r.Date);
                    w.WriteStartObject("weights");
                    for (var i = 0; i < r.Weights.Length; i++)
                    {
                        w.WriteNumber(spec.Returns.Assets[i], r.Weights[i]);
                    }

                    w.WriteEndObject();
                    w.WriteNumber("turnover", r.Turnover);
                    w.WriteNumber("cost", r.Cost);
                    if (r.Note is not null)
                    {
                        w.WriteString("note", r.Note);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteNumber("turnover", s.Turnover);
                w.WriteNumber("annual_turnover", s.AnnualTurnover);
                w.WriteNumber("costs", s.Costs);
                w.WriteStartObject("metrics");
                foreach (var (name, value) in s.Metrics)
                {
                    if (double.IsFinite(value))
                    {
                        w.WriteNumber(name, value);
                    }
                    else
                    {
                        w.WriteNull(name);
                    }
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("comparisons");
            foreach (var c in result.Comparisons)
            {
                w.WriteStartObject();
                w.WriteString("strategy", c.Strategy);
                w.WriteString("baseline", c.Baseline);
                w.WriteNumber("strategy_sharpe", c.StrategySharpe);
                w.WriteNumber("baseline_sharpe", c.BaselineSharpe);
                w.WriteNumber("difference", c.Difference);
                w.WriteNumber("interval_low", c.IntervalLow);
                w.WriteNumber("interval_high", c.IntervalHigh);
                w.WriteNumber("confidence", c.Confidence);
                w.WriteNumber("bootstrap_p_value", c.BootstrapPValue);
                w.WriteNumber("memmel_z", c.MemmelZ);
                w.WriteNumber("memmel_p_value", c.MemmelPValue);
                w.WriteNumber("resamples", c.Resamples);
                w.WriteNumber("mean_block_length", c.MeanBlockLength);
                w.WriteNumber("seed", c.Seed);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Comparison(SharpeComparison c) => string.Create(
        CultureInfo.InvariantCulture,
        $"  {c.Strategy} - {c.Baseline}: {c.Difference:+0.000;-0.000} [{c.IntervalLow:F3}, {c.IntervalHigh:F3}] bootstrap p={c.BootstrapPValue:F3}, JKM z={c.MemmelZ:F2} p={c.MemmelPValue:F3}");

    private static string Cell(double v, bool percent) => !double.IsFinite(v) ? "n/a"
        : percent ? (v * 100).ToString("F2", CultureInfo.InvariantCulture) + "%" : v.ToString("F3", CultureInfo.InvariantCulture);
}
