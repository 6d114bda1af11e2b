using System.Globalization;
using System.Text;
using RiskGrpc.Reports.Charts;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports.Html;

/// <summary>The tables: key metrics, EOY, worst drawdowns, monthly returns, stress windows, Monte Carlo.</summary>
internal static partial class ReportHtmlWriter
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static void Tables(StringBuilder sb, ReportModel model)
    {
        var bench = model.Parameters.BenchmarkName;
        var name = model.Parameters.StrategyName;
        sb.Append("<section class=\"block\" id=\"metrics\"><h2>Key performance metrics</h2><div class=\"scroll\"><table><thead><tr><th>Metric</th>");
        if (bench is not null)
        {
            sb.Append("<th>").AppendEncoded(bench).Append("</th>");
        }

        sb.Append("<th>").AppendEncoded(name).Append("</th></tr></thead>");
        foreach (var group in model.MetricsTable)
        {
            sb.Append("<tbody class=\"group\">");
            foreach (var row in group.Rows)
            {
                sb.Append("<tr title=\"").AppendEncoded(row.Metric).Append("\"><td>").AppendEncoded(row.Label).Append("</td>");
                if (bench is not null)
                {
                    Cell(sb, row.Benchmark, row.BenchmarkText, row.Format);
                }

                Cell(sb, row.Strategy, row.StrategyText, row.Format);
                sb.Append("</tr>");
            }

            sb.Append("</tbody>");
        }

        sb.Append("</table></div></section>");
        Eoy(sb, model, bench, name);
        Drawdowns(sb, model);
        MonthlyTable(sb, model);
        Stress(sb, model, bench, name);
        MonteCarloTable(sb, model);
        LiveRiskTable(sb, model.LiveRisk);
    }

    private static void LiveRiskTable(StringBuilder sb, LiveRiskView? live)
    {
        if (live is null)
        {
            return;
        }

        sb.Append("<section class=\"block\" id=\"live-risk\"><h2>Live risk: ").AppendEncoded(live.PortfolioId).Append("</h2><p class=\"meta\">As of ")
          .AppendEncoded(live.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append(", sequence ")
          .Append(live.LastAppliedSequence.ToString(CultureInfo.InvariantCulture)).Append(", window of ")
          .Append(live.WindowObservations.ToString(CultureInfo.InvariantCulture)).Append(" observations</p><div class=\"scroll\"><table><tbody>");
        foreach (var (label, value, format) in new (string, double?, string)[]
        {
            ("Volatility (ann.)", live.Volatility, "percent"), ("Sharpe", live.Sharpe, "ratio"), ("Sortino", live.Sortino, "ratio"),
            ("Max drawdown", live.MaxDrawdown, "percent"), ("Current drawdown", live.CurrentDrawdown, "percent"), ("Beta", live.Beta, "ratio"),
            ("VaR (historical)", live.VarHistorical, "percent"), ("CVaR (historical)", live.CvarHistorical, "percent"),
            ("VaR (Cornish-Fisher)", live.VarCornishFisher, "percent"), ("Gross exposure", live.GrossExposure, "ratio"),
            ("Net exposure", live.NetExposure, "ratio"), ("Total P&L", live.TotalPnl, "ratio"), ("Open positions", live.OpenPositions, "count"),
        })
        {
            if (value is null)
            {
                continue;
            }

            sb.Append("<tr><td>").AppendEncoded(label).Append("</td>");
            Cell(sb, value, null, format);
            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div></section>");
    }

    private static void Eoy(StringBuilder sb, ReportModel model, string? bench, string name)
    {
        sb.Append("<section class=\"block\" id=\"eoy\"><h2>EOY returns vs benchmark</h2>");
        if (model.Eoy.Count == 0)
        {
            Note(sb, "Needs dates.");
            sb.Append("</section>");
            return;
        }

        sb.Append("<div class=\"scroll\"><table><thead><tr><th>Year</th>");
        if (bench is not null)
        {
            sb.Append("<th>").AppendEncoded(bench).Append("</th>");
        }

        sb.Append("<th>").AppendEncoded(name).Append("</th>");
        if (bench is not null)
        {
            sb.Append("<th>Multiplier</th><th>Won</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var y in model.Eoy)
        {
            sb.Append("<tr><td>").Append(y.Year.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            if (bench is not null)
            {
                Cell(sb, y.Benchmark, null, "percent");
            }

            Cell(sb, y.Strategy, null, "percent");
            if (bench is not null)
            {
                Cell(sb, y.Multiplier, null, "ratio");
                sb.Append("<td>").Append(y.Won switch { true => "+", false => "–", null => string.Empty }).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div></section>");
    }

    private static void Drawdowns(StringBuilder sb, ReportModel model)
    {
        sb.Append("<section class=\"block\" id=\"drawdowns\"><h2>Worst 10 drawdowns</h2>");
        if (model.WorstDrawdowns.Count == 0)
        {
            Note(sb, "No drawdown: wealth never fell below its running peak.");
            sb.Append("</section>");
            return;
        }

        var dates = model.Period.Start is not null;
        sb.Append("<div class=\"scroll\"><table><thead><tr><th>Started</th><th>Valley</th><th>Recovered</th><th>Drawdown</th><th>").Append(dates ? "Days" : "Periods").Append("</th></tr></thead><tbody>");
        foreach (var d in model.WorstDrawdowns)
        {
            sb.Append("<tr><td>").AppendEncoded(dates ? DateOr(d.Start, "start") : Row(d.StartRow)).Append("</td><td>")
              .AppendEncoded(dates ? DateOr(d.Valley, string.Empty) : Row(d.ValleyRow)).Append("</td><td>")
              .AppendEncoded(dates ? DateOr(d.Recovery, "not recovered") : d.RecoveryRow < 0 ? "not recovered" : Row(d.RecoveryRow)).Append("</td>");
            Cell(sb, d.Depth, null, "percent");
            Cell(sb, dates ? d.Days : d.Periods, null, "count");
            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div></section>");
    }

    private static void MonthlyTable(StringBuilder sb, ReportModel model)
    {
        if (model.Monthly.Count == 0)
        {
            return;
        }

        sb.Append("<section class=\"block\" id=\"monthly\"><h2>Monthly returns</h2><div class=\"scroll\"><table class=\"monthly\"><thead><tr><th>Year</th>");
        foreach (var m in Months)
        {
            sb.Append("<th>").Append(m).Append("</th>");
        }

        sb.Append("<th>Year</th></tr></thead><tbody>");
        var yearly = model.Eoy.ToDictionary(y => y.Year, y => y.Strategy);
        foreach (var year in model.Monthly.GroupBy(c => c.Year))
        {
            sb.Append("<tr><td>").Append(year.Key.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            for (var month = 1; month <= 12; month++)
            {
                var cell = year.FirstOrDefault(c => c.Month == month);
                Cell(sb, cell?.Value, null, "percent1");
            }

            Cell(sb, yearly.TryGetValue(year.Key, out var y) ? y : null, null, "percent1");
            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div></section>");
    }

    private static void Stress(StringBuilder sb, ReportModel model, string? bench, string name)
    {
        sb.Append("<section class=\"block\" id=\"stress\"><h2>Stress windows</h2>");
        if (model.Stress.Count == 0)
        {
            Note(sb, model.Period.Start is null ? "Needs dates." : "No named historical window overlaps the data.");
            sb.Append("</section>");
            return;
        }

        sb.Append("<div class=\"scroll\"><table><thead><tr><th>Window</th><th>Dates</th><th>").AppendEncoded(name).Append("</th><th>Max DD</th>");
        if (bench is not null)
        {
            sb.Append("<th>").AppendEncoded(bench).Append("</th><th>Max DD</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var s in model.Stress)
        {
            sb.Append("<tr><td>").AppendEncoded(s.Name).Append("</td><td>").Append(Date(s.Start)).Append(" – ").Append(Date(s.End)).Append("</td>");
            Cell(sb, s.Strategy, null, "percent");
            Cell(sb, s.StrategyMaxDrawdown, null, "percent");
            if (bench is not null)
            {
                Cell(sb, s.Benchmark, null, "percent");
                Cell(sb, s.BenchmarkMaxDrawdown, null, "percent");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div></section>");
    }

    private static void MonteCarloTable(StringBuilder sb, ReportModel model)
    {
        if (model.MonteCarlo is not { } mc)
        {
            return;
        }

        sb.Append("<section class=\"block\" id=\"monte-carlo\"><h2>Monte Carlo terminal returns</h2><div class=\"scroll\"><table><thead><tr><th>After ")
          .Append(mc.Horizon.ToString("N0", CultureInfo.InvariantCulture)).Append(" periods</th><th>Cumulative return</th></tr></thead><tbody>");
        foreach (var (label, value) in new[] { ("5th percentile", mc.P05), ("25th percentile", mc.P25), ("Median", mc.P50), ("75th percentile", mc.P75), ("95th percentile", mc.P95), ("P(loss)", mc.ProbabilityOfLoss), ("P(drawdown worse than history)", mc.ProbabilityOfWorseDrawdown) })
        {
            sb.Append("<tr><td>").AppendEncoded(label).Append("</td>");
            Cell(sb, value, null, "percent");
            sb.Append("</tr>");
        }

        sb.Append("</tbody></table></div></section>");
    }

    private static void Cell(StringBuilder sb, double? value, string? text, string format)
    {
        if (text is not null || value is null)
        {
            sb.Append("<td>").AppendEncoded(text ?? "–").Append("</td>");
            return;
        }

        var v = value.Value;
        var formatted = format switch
        {
            "percent" => AxisFormat.Format(v, AxisFormat.Kind.Percent, 2),
            "percent1" => AxisFormat.Format(v, AxisFormat.Kind.Percent, 1),
            "count" or "days" or "periods" => AxisFormat.Format(v, AxisFormat.Kind.Number, 0),
            _ => AxisFormat.Format(v, AxisFormat.Kind.Number, 2),
        };
        sb.Append(v < 0 && formatted[0] == '-' ? "<td class=\"neg\">" : "<td>").AppendEncoded(formatted).Append("</td>");
    }

    private static string DateOr(DateTime? d, string fallback) => d is { } v ? Date(v) : fallback;

    private static string Row(int row) => row < 0 ? "start" : "row " + row.ToString(CultureInfo.InvariantCulture);
}
