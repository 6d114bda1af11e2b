using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports.Charts;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports;

/// <summary>Return quantiles by horizon, the Monte Carlo bootstrap and the stress windows.</summary>
public sealed partial class ReportBuilder
{
    /// <summary>Fan chart checkpoints: quantiles are taken at about this many horizons, not every step.</summary>
    private const int FanCheckpoints = 24;

    /// <summary>pyfolio's "interesting times" plus later crises: named windows, start and end inclusive.</summary>
    private static readonly (string Name, DateTime Start, DateTime End)[] StressWindows =
    [
        ("Dotcom", D(2000, 3, 10), D(2000, 9, 10)),
        ("9/11", D(2001, 9, 11), D(2001, 10, 11)),
        ("Low volatility bull market", D(2005, 1, 1), D(2007, 8, 1)),
        ("US housing (Aug 2007)", D(2007, 8, 1), D(2007, 9, 1)),
        ("Bear Stearns (Mar 2008)", D(2008, 3, 1), D(2008, 4, 1)),
        ("Lehman (Sep 2008)", D(2008, 9, 1), D(2008, 10, 1)),
        ("GFC crash", D(2007, 8, 1), D(2009, 4, 1)),
        ("2009 Q1", D(2009, 1, 1), D(2009, 3, 1)),
        ("2009 Q2", D(2009, 3, 1), D(2009, 6, 1)),
        ("Flash crash", D(2010, 5, 5), D(2010, 5, 10)),
        ("Fukushima", D(2011, 3, 16), D(2011, 4, 16)),
        ("US downgrade / European debt crisis", D(2011, 8, 5), D(2011, 9, 5)),
        ("Recovery", D(2009, 4, 1), D(2013, 1, 1)),
        ("Taper tantrum", D(2013, 5, 22), D(2013, 6, 24)),
        ("Oil crash (Oct 2014)", D(2014, 10, 1), D(2014, 11, 1)),
        ("China devaluation (Fall 2015)", D(2015, 8, 15), D(2015, 9, 30)),
        ("Volmageddon (Feb 2018)", D(2018, 1, 26), D(2018, 2, 9)),
        ("Q4 2018 selloff", D(2018, 10, 1), D(2018, 12, 24)),
        ("COVID crash", D(2020, 2, 19), D(2020, 3, 23)),
        ("2022 rate hikes", D(2022, 1, 3), D(2022, 10, 12)),
    ];

    private static List<(string Label, BoxStats Box, double Min, double Max)> Boxes(double[] returns, DateTime[]? dates, int[] rows, MetricsResult main, CalendarSet cal)
    {
        var result = new List<(string, BoxStats, double, double)> { Box("Daily", returns) };
        if (dates is not null)
        {
            var weekly = rows.Select((row, i) => (Week: WeekKey(dates[row]), R: returns[i]))
                .GroupBy(p => p.Week).Select(g => g.Aggregate(1.0, (w, p) => w * (1 + p.R)) - 1).ToArray();
            result.Add(Box("Weekly", weekly));
            result.Add(Box("Monthly", main.Monthly!.Select(m => m.Value).ToArray()));
            result.Add(Box("Quarterly", cal.QuarterlyValues ?? []));
            result.Add(Box("Yearly", main.Yearly!.Select(m => m.Value).ToArray()));
        }

        return result;
    }

    private static (string, BoxStats, double, double) Box(string label, double[] values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return (label, BoxStats.Of(finite), finite.Length > 0 ? finite.Min() : double.NaN, finite.Length > 0 ? finite.Max() : double.NaN);
    }

    /// <summary>Monday of the week holding <paramref name="t"/> (days since 0001-01-01, a Monday).</summary>
    private static long WeekKey(DateTime t) => t.Ticks / TimeSpan.TicksPerDay / 7;

    private static (MonteCarloSummary?, IReadOnlyList<ChartBand>?, (double[], double[])?) MonteCarlo(ReportInput input, double[] returns, double maxDrawdown, double periodsPerYear, List<ReportNote> notes)
    {
        var sample = returns.Where(double.IsFinite).ToArray();
        var paths = input.MonteCarloPaths;
        if (sample.Length < 20 || paths < 10)
        {
            notes.Add(new ReportNote("monte_carlo", "Fewer than 20 returns (or fewer than 10 paths): no bootstrap."));
            return (null, null, null);
        }

        var horizon = Math.Min(sample.Length, (int)Math.Round(periodsPerYear));
        var checkpoints = Math.Min(horizon, FanCheckpoints);
        var stepAt = Enumerable.Range(1, checkpoints).Select(k => (int)Math.Round((double)k * horizon / checkpoints)).ToArray();
        var wealthAt = new double[checkpoints][];
        for (var c = 0; c < checkpoints; c++)
        {
            wealthAt[c] = new double[paths];
        }

        var random = new SplitMix64((ulong)input.Seed);
        int losses = 0, worse = 0;
        var floor = 1 + maxDrawdown;
        for (var p = 0; p < paths; p++)
        {
            double w = 1, peak = 1;
            var breached = false;
            var c = 0;
            for (var t = 1; t <= horizon; t++)
            {
                w *= 1 + sample[random.Next(sample.Length)];
                peak = Math.Max(peak, w);
                // dd = w / peak − 1 < max_drawdown  ⇔  w < peak · (1 + max_drawdown), without a division per step.
                breached |= w < peak * floor;
                if (t == stepAt[c])
                {
                    wealthAt[c++][p] = w - 1;
                }
            }

            losses += w < 1 ? 1 : 0;
            worse += breached ? 1 : 0;
        }

        var qs = new[] { 0.05, 0.25, 0.5, 0.75, 0.95 };
        var bandValues = qs.Select(_ => new double[checkpoints + 1]).ToArray();
        for (var c = 0; c < checkpoints; c++)
        {
            Array.Sort(wealthAt[c]);
            for (var q = 0; q < qs.Length; q++)
            {
                bandValues[q][c + 1] = Quantiles.Linear(wealthAt[c], qs[q]);
            }
        }

        var x = new double[checkpoints + 1];
        for (var c = 0; c < checkpoints; c++)
        {
            x[c + 1] = stepAt[c];
        }

        var terminal = bandValues.Select(v => v[^1]).ToArray();
        var summary = new MonteCarloSummary(paths, horizon, input.Seed, terminal[0], terminal[1], terminal[2], terminal[3], terminal[4], (double)losses / paths, (double)worse / paths);
        ChartBand[] bands =
        [
            new("5–95 % of paths", x, bandValues[0], bandValues[4], 1),
            new("25–75 % of paths", x, bandValues[1], bandValues[3], 1),
        ];
        return (summary, bands, (x, bandValues[2]));
    }

    private static StressRow[] Stress(CalendarSet cal, DateTime[] dates)
    {
        var rows = new List<StressRow>();
        foreach (var (name, start, end) in StressWindows)
        {
            var from = Array.FindIndex(dates, d => d >= start);
            var to = Array.FindLastIndex(dates, d => d <= end.AddDays(1).AddTicks(-1));
            if (from < 0 || to < from)
            {
                continue;
            }

            if (cal.Window(from, to + 1) is not { } w)
            {
                continue;
            }

            rows.Add(new StressRow(name, start, end, to - from + 1, w.Strategy.TotalReturn, w.Benchmark?.TotalReturn, w.Strategy.MaxDrawdown, w.Benchmark?.MaxDrawdown));
        }

        return [.. rows];
    }

    private static DateTime D(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);
}
