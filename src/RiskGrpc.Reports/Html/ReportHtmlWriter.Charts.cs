using System.Text;
using RiskGrpc.Reports.Charts;

namespace RiskGrpc.Reports.Html;

/// <summary>The chart blocks, in QuantStats' order, then the Monte Carlo fan chart.</summary>
internal static partial class ReportHtmlWriter
{
    private static void Charts(StringBuilder sb, ReportContent content)
    {
        var s = content.Series;
        var m = content.Model;
        var name = m.Parameters.StrategyName;
        var benchName = m.Parameters.BenchmarkName;
        var time = s.HasDates;
        var figure = 0;
        ChartSeries Strategy(double[] y, SeriesStyle style = SeriesStyle.Line) => new(name, s.X, y, style, 1);

        List<ChartSeries> Cumulative(double[] strategy)
        {
            var list = new List<ChartSeries>();
            if (s.BenchmarkCumulative is { } b && benchName is not null)
            {
                list.Add(new ChartSeries(benchName, s.BenchmarkX!, b, SeriesStyle.Line, 2));
            }

            list.Add(Strategy(strategy));
            return list;
        }

        void Xy(string title, string caption, XyChartSpec spec) => Block(sb, ++figure, title, caption, b => XyChart.Render(b, spec));

        Xy("Cumulative returns vs benchmark", "W_t − 1 of both series (engine cumulative series).",
            new XyChartSpec { Title = "Cumulative returns vs benchmark", Series = Cumulative(s.Cumulative), TimeAxis = time });
        Xy("Cumulative returns vs benchmark (log scaled)", "Same paths on a log wealth axis, labelled as returns.",
            new XyChartSpec { Title = "Cumulative returns vs benchmark, log scaled", Series = Cumulative(s.Cumulative), LogY = true, TimeAxis = time });
        if (s.VolMatchedCumulative is { } vm)
        {
            Xy("Cumulative returns vs benchmark (volatility matched)", "Strategy returns scaled by benchmark volatility / strategy volatility.",
                new XyChartSpec { Title = "Cumulative returns, volatility matched", Series = Cumulative(vm), TimeAxis = time });
        }
        else
        {
            NoteBlock(sb, ++figure, "Cumulative returns vs benchmark (volatility matched)", "Needs a benchmark.");
        }

        Block(sb, ++figure, "EOY returns vs benchmark", "Compounded return of each calendar year.", b =>
        {
            if (m.Eoy.Count == 0)
            {
                Note(b, "Needs dates.");
                return;
            }

            var series = new List<(string, int, double[])> { (name, 1, m.Eoy.Select(y => y.Strategy).ToArray()) };
            if (benchName is not null)
            {
                series.Insert(0, (benchName, 2, m.Eoy.Select(y => y.Benchmark ?? double.NaN).ToArray()));
            }

            CategoryBarChart.Render(b, "EOY returns vs benchmark", m.Eoy.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), series);
        });
        Block(sb, ++figure, "Distribution of monthly returns", "Histogram (density) with Gaussian KDE; dashed line: mean.", b =>
        {
            if (s.MonthlyStrategy.Length < 3)
            {
                Note(b, "Needs dates and at least three months.");
                return;
            }

            var samples = new List<(string, int, double[])> { (name, 1, s.MonthlyStrategy) };
            if (s.MonthlyBenchmark is { } mb && benchName is not null)
            {
                samples.Add((benchName, 2, mb));
            }

            HistogramChart.Render(b, "Distribution of monthly returns", samples);
        });
        Xy("Daily returns", "One bar per period; min/max per pixel column.",
            new XyChartSpec { Title = "Daily returns", Series = [Strategy(s.Returns, SeriesStyle.Bars)], TimeAxis = time });
        if (s.RollingBeta.Count > 0)
        {
            Xy("Rolling beta to benchmark", "Beta over trailing windows of 6 and 12 months of periods.",
                new XyChartSpec { Title = "Rolling beta", Series = s.RollingBeta.Select((r, i) => new ChartSeries(r.Name, r.X, r.Y, SeriesStyle.Line, i == 0 ? 1 : 3)).ToArray(), YKind = AxisFormat.Kind.Number, TimeAxis = time });
        }
        else
        {
            NoteBlock(sb, ++figure, "Rolling beta to benchmark", "Needs a benchmark and more rows than the 6-month window.");
        }

        RollingBlock(sb, ++figure, "Rolling volatility (6 months)", "Annualised volatility over trailing 6-month windows.",
            s.RollingVolatility.Select((r, i) => new ChartSeries(r.Name, r.X, r.Y, SeriesStyle.Line, i == 0 ? 1 : 2)).Reverse().ToArray(), [], AxisFormat.Kind.Percent, time);
        RollingWithMean(sb, ++figure, "Rolling Sharpe (6 months)", name, s.RollingSharpe, time);
        RollingWithMean(sb, ++figure, "Rolling Sortino (6 months)", name, s.RollingSortino, time);
        var spans = s.WorstFive.Select((e, i) => new ShadedSpan(
            e.PeakIndex < 0 ? s.X[0] : XOfRow(s, e.PeakIndex), e.RecoveryIndex < 0 ? s.X[^1] : XOfRow(s, e.RecoveryIndex),
            $"#{i + 1}: {AxisFormat.Format(e.Depth, AxisFormat.Kind.Percent, 2)}")).ToArray();
        Xy("Worst 5 drawdown periods", "Shaded: the five deepest drawdowns, peak to recovery (sorted by depth).",
            new XyChartSpec { Title = "Worst 5 drawdown periods", Series = [Strategy(s.Cumulative)], Spans = spans, TimeAxis = time });
        Xy("Underwater plot", "Drawdown from the running peak; dashed line: its mean.",
            new XyChartSpec
            {
                Title = "Underwater plot",
                Series = [Strategy(s.Underwater, SeriesStyle.Area)],
                References = [new ReferenceLine(s.Underwater.Length > 0 ? s.Underwater.Average() : 0, "Average", 3)],
                TimeAxis = time,
            });
        Block(sb, ++figure, "Monthly returns (%)", "Compounded monthly returns; colour centred on 0.", b =>
        {
            if (m.Monthly.Count == 0)
            {
                Note(b, "Needs dates.");
                return;
            }

            var years = m.Monthly.Select(c => c.Year).Distinct().Order().ToArray();
            var grid = new double[years.Length, 12];
            for (var r = 0; r < years.Length; r++)
            {
                for (var c = 0; c < 12; c++)
                {
                    grid[r, c] = double.NaN;
                }
            }

            foreach (var c in m.Monthly)
            {
                grid[Array.IndexOf(years, c.Year), c.Month - 1] = c.Value;
            }

            HeatmapChart.Render(b, "Monthly returns heatmap", years, grid);
        });
        Block(sb, ++figure, "Return quantiles", "Returns compounded per horizon; box: quartiles, whiskers: 1.5 IQR.", b =>
            BoxPlotChart.Render(b, "Return quantiles", s.Boxes));
        if (s.FanBands is { } bands && s.FanMedian is { } median)
        {
            Xy("Monte Carlo: bootstrapped cumulative returns", $"{m.MonteCarlo!.Paths:N0} paths drawn with replacement from the returns (seed {m.MonteCarlo.Seed}).",
                new XyChartSpec
                {
                    Title = "Monte Carlo fan chart",
                    Series = [new ChartSeries("Median path", median.Item1, median.Item2, SeriesStyle.Line, 1)],
                    Bands = bands,
                    TimeAxis = false,
                });
        }
        else
        {
            NoteBlock(sb, ++figure, "Monte Carlo: bootstrapped cumulative returns", "Needs at least 20 returns.");
        }
    }

    private static void RollingWithMean(StringBuilder sb, int figure, string title, string name, (double[] X, double[] Y)? series, bool time)
    {
        var list = series is { } r ? new[] { new ChartSeries(name, r.X, r.Y, SeriesStyle.Line, 1) } : [];
        var finite = series?.Y.Where(double.IsFinite).ToArray() ?? [];
        ReferenceLine[] references = finite.Length > 0 ? [new ReferenceLine(finite.Average(), "Mean", 3)] : [];
        RollingBlock(sb, figure, title, "Trailing 6-month windows; dashed line: mean.", list, references, AxisFormat.Kind.Number, time);
    }

    private static void RollingBlock(StringBuilder sb, int figure, string title, string caption, ChartSeries[] series, ReferenceLine[] references, AxisFormat.Kind kind, bool time)
    {
        if (series.Length == 0 || series.All(x => x.Y.Length == 0))
        {
            NoteBlock(sb, figure, title, "Not enough rows for a 6-month window.");
            return;
        }

        Block(sb, figure, title, caption, b => XyChart.Render(b, new XyChartSpec { Title = title, Series = series, References = references, YKind = kind, TimeAxis = time }));
    }

    /// <summary>x of a caller row: rows map to used rows by binary search (SKIP drops rows).</summary>
    private static double XOfRow(ReportSeries s, int row)
    {
        var i = Array.BinarySearch(s.Rows, row);
        return s.X[Math.Clamp(i >= 0 ? i : ~i, 0, s.X.Length - 1)];
    }

    private static void Block(StringBuilder sb, int figure, string title, string caption, Action<StringBuilder> body)
    {
        sb.Append("<figure class=\"block\" id=\"fig-").Append(figure).Append("\"><h3>").AppendEncoded(title).Append("</h3>");
        body(sb);
        sb.Append("<figcaption>Fig. ").Append(figure).Append(" · ").AppendEncoded(caption).Append("</figcaption></figure>");
    }

    private static void NoteBlock(StringBuilder sb, int figure, string title, string note) =>
        Block(sb, figure, title, "not drawn", b => Note(b, note));

    private static void Note(StringBuilder sb, string text) => sb.Append("<p class=\"note\">").AppendEncoded(text).Append("</p>");
}
