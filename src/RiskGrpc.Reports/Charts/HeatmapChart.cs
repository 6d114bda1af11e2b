using System.Globalization;
using System.Text;

namespace RiskGrpc.Reports.Charts;

/// <summary>
/// Years × months heatmap of returns: a diverging scale centred on 0 (class <c>pos</c>/<c>neg</c>, opacity ∝ |value| /
/// max |value|, so the page's theme picks the colours), each cell labelled with its value and a tooltip. Missing
/// months stay empty.
/// </summary>
internal static class HeatmapChart
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Appends the heatmap; <paramref name="values"/>[row, month − 1] is NaN where there is no data.</summary>
    public static void Render(StringBuilder sb, string title, IReadOnlyList<int> years, double[,] values, int width = 760)
    {
        const double left = 46, top = 20, cellHeight = 20;
        var height = (int)(top + (years.Count * cellHeight) + 6);
        var cellWidth = (width - left - 6) / 12;
        SvgChartWriter.Open(sb, width, height, title);
        var maxAbs = 0.0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(v));
            }
        }

        sb.Append("<g class=\"xlab\">");
        for (var m = 0; m < 12; m++)
        {
            sb.Append("<text x=\"").AppendCoord(left + ((m + 0.5) * cellWidth)).Append("\" y=\"14\">").Append(MonthNames[m]).Append("</text>");
        }

        sb.Append("</g><g class=\"ylab\">");
        for (var r = 0; r < years.Count; r++)
        {
            sb.Append("<text x=\"").AppendCoord(left - 6).Append("\" y=\"").AppendCoord(top + (r * cellHeight) + 14).Append("\">")
              .Append(years[r].ToString(CultureInfo.InvariantCulture)).Append("</text>");
        }

        sb.Append("</g><g class=\"heat\">");
        for (var r = 0; r < years.Count; r++)
        {
            for (var m = 0; m < 12; m++)
            {
                var v = values[r, m];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                var x = left + (m * cellWidth);
                var y = top + (r * cellHeight);
                var opacity = maxAbs > 0 ? 0.08 + (0.82 * Math.Abs(v) / maxAbs) : 0.08;
                var text = AxisFormat.Format(v, AxisFormat.Kind.Percent, 1);
                sb.Append("<rect class=\"").Append(v < 0 ? "neg" : "pos").Append("\" x=\"").AppendCoord(x + 0.5).Append("\" y=\"").AppendCoord(y + 0.5)
                  .Append("\" width=\"").AppendCoord(cellWidth - 1).Append("\" height=\"").AppendCoord(cellHeight - 1).Append("\" fill-opacity=\"")
                  .Append(opacity.ToString("0.00", CultureInfo.InvariantCulture)).Append("\"><title>").Append(MonthNames[m]).Append(' ')
                  .Append(years[r].ToString(CultureInfo.InvariantCulture)).Append(": ").AppendEncoded(text).Append("</title></rect><text x=\"")
                  .AppendCoord(x + (cellWidth / 2)).Append("\" y=\"").AppendCoord(y + 14).Append("\">").AppendEncoded(text).Append("</text>");
            }
        }

        sb.Append("</g>");
        SvgChartWriter.Close(sb);
    }
}
