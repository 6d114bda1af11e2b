using System.Globalization;
using System.Text;
using RiskGrpc.Reports.Charts;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports.Html;

/// <summary>
/// Writes the self-contained HTML report: header, notes, charts (server-side SVG) beside the tables, and the report's
/// JSON embedded as <c>&lt;script type="application/json" id="report-data"&gt;</c>. Every text is HTML-encoded through
/// <see cref="SvgText.AppendEncoded"/>; the page requests nothing (inline CSS/JS, empty data: favicon, system fonts).
/// </summary>
/// <remarks>
/// A typed writer instead of Razor components: the same compile-time checking and encoding discipline, one pass over a
/// pre-sized <see cref="StringBuilder"/>, no renderer dispatcher or component tree per report (the report budget is
/// 20 ms including charts).
/// </remarks>
internal static partial class ReportHtmlWriter
{
    /// <summary>The report page for <paramref name="content"/> with <paramref name="json"/> (its UTF-8 JSON) embedded, as UTF-8.</summary>
    public static byte[] WriteUtf8(ReportContent content, byte[] json)
    {
        // The builder grows in small chunks (no large-object-heap buffer); the chunks are encoded straight into the
        // result instead of going through one ~1 MB string.
        var sb = Write(content, json);
        var length = 0;
        foreach (var chunk in sb.GetChunks())
        {
            length += Encoding.UTF8.GetByteCount(chunk.Span);
        }

        var bytes = new byte[length];
        var offset = 0;
        foreach (var chunk in sb.GetChunks())
        {
            offset += Encoding.UTF8.GetBytes(chunk.Span, bytes.AsSpan(offset));
        }

        return bytes;
    }

    /// <summary>The report page as text (see <see cref="WriteUtf8"/>).</summary>
    public static StringBuilder Write(ReportContent content, byte[] json)
    {
        var model = content.Model;
        var sb = new StringBuilder(8000);
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\">")
          .Append("<meta name=\"generator\" content=\"").AppendEncoded(model.Generator).Append("\">")
          .Append("<link rel=\"icon\" href=\"data:,\"><title>").AppendEncoded(model.Title).Append("</title><style>")
          .Append(ReportStyles.Css).Append("</style></head><body>");
        Header(sb, model);
        Notes(sb, model.Notes);
        sb.Append("<div class=\"layout\"><main>");
        Charts(sb, content);
        sb.Append("</main><aside>");
        Tables(sb, model);
        sb.Append("</aside></div><script type=\"application/json\" id=\"report-data\">");
        // System.Text.Json's default encoder escapes <, >, & and non-ASCII, so the JSON cannot close the script element.
        sb.Append(Encoding.UTF8.GetString(json));
        sb.Append("</script><script>").Append(ReportStyles.Script).Append("</script></body></html>");
        return sb;
    }

    private static void Header(StringBuilder sb, ReportModel model)
    {
        var p = model.Parameters;
        sb.Append("<header><button id=\"theme\" type=\"button\" aria-label=\"Toggle dark mode\">◐ Theme</button><h1>").AppendEncoded(model.Title).Append("</h1><p class=\"meta\">");
        Meta(sb, "Period", model.Period.Start is { } s && model.Period.End is { } e ? $"{Date(s)} – {Date(e)}" : "rows without dates");
        Meta(sb, "Returns", model.Period.Observations.ToString("N0", CultureInfo.InvariantCulture));
        Meta(sb, "Strategy", p.StrategyName);
        Meta(sb, "Benchmark", p.BenchmarkName ?? "none");
        Meta(sb, "Risk-free", AxisFormat.Format(p.RiskFreeRate, AxisFormat.Kind.Percent, 2) + " p.a.");
        Meta(sb, "Periods/year", p.PeriodsPerYear.ToString("0.##", CultureInfo.InvariantCulture));
        Meta(sb, "Returns are", p.Compounding);
        Meta(sb, "NaN policy", p.NanPolicy);
        Meta(sb, "Generator", model.Generator);
        sb.Append("</p></header>");
    }

    private static void Meta(StringBuilder sb, string label, string value) =>
        sb.Append("<span>").AppendEncoded(label).Append(": <b>").AppendEncoded(value).Append("</b></span>");

    private static void Notes(StringBuilder sb, IReadOnlyList<ReportNote> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        sb.Append("<div class=\"notes\" role=\"note\">");
        foreach (var n in notes)
        {
            sb.Append("<p><b>").AppendEncoded(n.Section).Append(":</b> ").AppendEncoded(n.Message).Append("</p>");
        }

        sb.Append("</div>");
    }

    internal static string Date(DateTime d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
