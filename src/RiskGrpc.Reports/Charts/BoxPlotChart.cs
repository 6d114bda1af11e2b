using System.Text;

namespace RiskGrpc.Reports.Charts;

/// <summary>Tukey box plots side by side (return quantiles by horizon), outliers as dots, every box with a tooltip.</summary>
internal static class BoxPlotChart
{
    /// <summary>Appends the chart; empty boxes leave their slot blank.</summary>
    public static void Render(StringBuilder sb, string title, IReadOnlyList<(string Label, BoxStats Box)> boxes, int width = 760, int height = 240)
    {
        var layout = ChartLayout.For(width, height);
        SvgChartWriter.Open(sb, width, height, title);
        double min = 0, max = 0;
        foreach (var (_, box) in boxes)
        {
            if (box.Count > 0)
            {
                min = Math.Min(min, Math.Min(box.WhiskerLow, box.Outliers.DefaultIfEmpty(0).Min()));
                max = Math.Max(max, Math.Max(box.WhiskerHigh, box.Outliers.DefaultIfEmpty(0).Max()));
            }
        }

        var scale = NiceScale.Create(min, max);
        double Sy(double y) => layout.Bottom - ((y - scale.Min) / (scale.Max - scale.Min) * layout.PlotHeight);
        SvgChartWriter.YGrid(sb, layout, scale.Ticks.Select(Sy).ToArray(), AxisFormat.Ticks(scale, AxisFormat.Kind.Percent), scale.Ticks.Select(t => t == 0).ToArray());
        var slot = layout.PlotWidth / Math.Max(1, boxes.Count);
        SvgChartWriter.XLabels(sb, layout, boxes.Select((_, i) => layout.Left + ((i + 0.5) * slot)).ToArray(), boxes.Select(b => b.Label).ToArray());
        for (var i = 0; i < boxes.Count; i++)
        {
            var (label, box) = boxes[i];
            if (box.Count == 0)
            {
                continue;
            }

            var cx = layout.Left + ((i + 0.5) * slot);
            var half = Math.Min(40, slot * 0.3);
            sb.Append("<g class=\"s").Append((i % 4) + 1).Append(" box\"><title>").AppendEncoded(label).Append(" (n = ").Append(box.Count)
              .Append(")&#10;max whisker ").AppendEncoded(Pct(box.WhiskerHigh)).Append("&#10;Q3 ").AppendEncoded(Pct(box.Q3))
              .Append("&#10;median ").AppendEncoded(Pct(box.Median)).Append("&#10;Q1 ").AppendEncoded(Pct(box.Q1))
              .Append("&#10;min whisker ").AppendEncoded(Pct(box.WhiskerLow)).Append("</title>");
            sb.Append("<line x1=\"").AppendCoord(cx).Append("\" x2=\"").AppendCoord(cx).Append("\" y1=\"").AppendCoord(Sy(box.WhiskerLow))
              .Append("\" y2=\"").AppendCoord(Sy(box.WhiskerHigh)).Append("\"/>");
            sb.Append("<rect x=\"").AppendCoord(cx - half).Append("\" y=\"").AppendCoord(Sy(box.Q3)).Append("\" width=\"").AppendCoord(2 * half)
              .Append("\" height=\"").AppendCoord(Math.Max(0.5, Sy(box.Q1) - Sy(box.Q3))).Append("\"/>");
            sb.Append("<line class=\"median\" x1=\"").AppendCoord(cx - half).Append("\" x2=\"").AppendCoord(cx + half).Append("\" y1=\"")
              .AppendCoord(Sy(box.Median)).Append("\" y2=\"").AppendCoord(Sy(box.Median)).Append("\"/>");
            foreach (var y in box.Outliers.Select(Sy).Distinct())
            {
                sb.Append("<circle cx=\"").AppendCoord(cx).Append("\" cy=\"").AppendCoord(y).Append("\" r=\"1.6\"/>");
            }

            sb.Append("</g>");
        }

        SvgChartWriter.Close(sb);
    }

    private static string Pct(double v) => AxisFormat.Format(v, AxisFormat.Kind.Percent, 2);
}
