using System.Text;

namespace RiskGrpc.Reports.Charts;

/// <summary>Grouped vertical bars per category (EOY returns of strategy and benchmark), each bar with a tooltip.</summary>
internal static class CategoryBarChart
{
    /// <summary>Appends the chart. <paramref name="series"/> values are indexed like <paramref name="categories"/>; NaN bars are skipped.</summary>
    public static void Render(StringBuilder sb, string title, IReadOnlyList<string> categories, IReadOnlyList<(string Name, int Slot, double[] Values)> series, int width = 760, int height = 240)
    {
        var layout = ChartLayout.For(width, height);
        SvgChartWriter.Open(sb, width, height, title);
        double min = 0, max = 0;
        foreach (var (_, _, values) in series)
        {
            foreach (var v in values)
            {
                if (double.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }

        var scale = NiceScale.Create(min, max);
        double Sy(double y) => layout.Bottom - ((y - scale.Min) / (scale.Max - scale.Min) * layout.PlotHeight);
        SvgChartWriter.YGrid(sb, layout, scale.Ticks.Select(Sy).ToArray(), AxisFormat.Ticks(scale, AxisFormat.Kind.Percent), scale.Ticks.Select(t => t == 0).ToArray());
        var n = Math.Max(1, categories.Count);
        var slot = layout.PlotWidth / n;
        var barWidth = slot * 0.8 / Math.Max(1, series.Count);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(n * 34 / layout.PlotWidth));
        var positions = new List<double>();
        var labels = new List<string>();
        for (var c = 0; c < categories.Count; c++)
        {
            if (c % labelEvery == 0)
            {
                positions.Add(layout.Left + ((c + 0.5) * slot));
                labels.Add(categories[c]);
            }
        }

        SvgChartWriter.XLabels(sb, layout, positions, labels);
        var zero = Sy(0);
        for (var s = 0; s < series.Count; s++)
        {
            var (name, colour, values) = series[s];
            sb.Append("<g class=\"s").Append(colour).Append(" bar\">");
            for (var c = 0; c < categories.Count && c < values.Length; c++)
            {
                var v = values[c];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                var x = layout.Left + (c * slot) + (slot * 0.1) + (s * barWidth);
                var y = Sy(v);
                sb.Append("<rect x=\"").AppendCoord(x).Append("\" y=\"").AppendCoord(Math.Min(y, zero)).Append("\" width=\"").AppendCoord(barWidth)
                  .Append("\" height=\"").AppendCoord(Math.Max(0.5, Math.Abs(zero - y))).Append("\"><title>").AppendEncoded(categories[c]).Append(' ')
                  .AppendEncoded(name).Append(": ").AppendEncoded(AxisFormat.Format(v, AxisFormat.Kind.Percent, 2)).Append("</title></rect>");
            }

            sb.Append("</g>");
        }

        SvgChartWriter.Legend(sb, layout, series.Count > 1 ? series.Select(s => (s.Name, s.Slot, false)).ToArray() : []);
        SvgChartWriter.Close(sb);
    }
}
