using System.Text;

namespace RiskGrpc.Reports.Charts;

/// <summary>
/// Histogram of one sample as densities, with Gaussian kernel density curves (Silverman's bandwidth
/// 0.9·min(sd, IQR/1.34)·n^(−1/5)) for each sample and a dashed mean line for the first.
/// </summary>
internal static class HistogramChart
{
    private const int KdePoints = 80;

    /// <summary>Appends the chart; <paramref name="samples"/>[0] is the histogram, all get a KDE curve. NaN values are ignored.</summary>
    public static void Render(StringBuilder sb, string title, IReadOnlyList<(string Name, int Slot, double[] Values)> samples, int bins = 20, int width = 760, int height = 240)
    {
        var layout = ChartLayout.For(width, height);
        SvgChartWriter.Open(sb, width, height, title);
        var clean = samples.Select(s => (s.Name, s.Slot, Values: s.Values.Where(double.IsFinite).Order().ToArray())).ToArray();
        var all = clean.SelectMany(s => s.Values).ToArray();
        if (all.Length < 2)
        {
            SvgChartWriter.Close(sb);
            return;
        }

        var xScale = NiceScale.Create(all.Min(), all.Max(), 8);
        var main = clean[0].Values;
        var binWidth = (xScale.Max - xScale.Min) / bins;
        var counts = new int[bins];
        foreach (var v in main)
        {
            counts[Math.Clamp((int)((v - xScale.Min) / binWidth), 0, bins - 1)]++;
        }

        var densities = counts.Select(c => c / (main.Length * binWidth)).ToArray();
        var curves = clean.Select(s => Kde(s.Values, xScale.Min, xScale.Max)).ToArray();
        var yMax = Math.Max(densities.Max(), curves.SelectMany(c => c).DefaultIfEmpty(0).Max());
        var yScale = NiceScale.Create(0, yMax);
        double Sx(double x) => layout.Left + ((x - xScale.Min) / (xScale.Max - xScale.Min) * layout.PlotWidth);
        double Sy(double y) => layout.Bottom - ((y - yScale.Min) / (yScale.Max - yScale.Min) * layout.PlotHeight);
        SvgChartWriter.YGrid(sb, layout, yScale.Ticks.Select(Sy).ToArray(), AxisFormat.Ticks(yScale, AxisFormat.Kind.Number));
        SvgChartWriter.XLabels(sb, layout, xScale.Ticks.Select(Sx).ToArray(), AxisFormat.Ticks(xScale, AxisFormat.Kind.Percent));
        sb.Append("<g class=\"s").Append(clean[0].Slot).Append(" bar\">");
        for (var b = 0; b < bins; b++)
        {
            var x0 = xScale.Min + (b * binWidth);
            sb.Append("<rect x=\"").AppendCoord(Sx(x0) + 0.5).Append("\" y=\"").AppendCoord(Sy(densities[b])).Append("\" width=\"")
              .AppendCoord(Math.Max(0.5, Sx(x0 + binWidth) - Sx(x0) - 1)).Append("\" height=\"").AppendCoord(layout.Bottom - Sy(densities[b]))
              .Append("\"><title>").AppendEncoded(AxisFormat.Format(x0, AxisFormat.Kind.Percent, 2)).Append(" to ")
              .AppendEncoded(AxisFormat.Format(x0 + binWidth, AxisFormat.Kind.Percent, 2)).Append(": ").Append(counts[b]).Append("</title></rect>");
        }

        sb.Append("</g>");
        for (var s = 0; s < clean.Length; s++)
        {
            if (curves[s].Length == 0)
            {
                continue;
            }

            sb.Append("<path class=\"s").Append(clean[s].Slot).Append("\" d=\"");
            for (var i = 0; i < KdePoints; i++)
            {
                var x = xScale.Min + (i * (xScale.Max - xScale.Min) / (KdePoints - 1));
                sb.Append(i == 0 ? 'M' : 'L').AppendCoord(Sx(x)).Append(' ').AppendCoord(Sy(curves[s][i]));
            }

            sb.Append("\"/>");
        }

        var mean = main.Average();
        sb.Append("<line class=\"s3 ref\" x1=\"").AppendCoord(Sx(mean)).Append("\" x2=\"").AppendCoord(Sx(mean)).Append("\" y1=\"")
          .AppendCoord(layout.Top).Append("\" y2=\"").AppendCoord(layout.Bottom).Append("\"><title>mean ")
          .AppendEncoded(AxisFormat.Format(mean, AxisFormat.Kind.Percent, 2)).Append("</title></line>");
        var legend = clean.Select(s => (s.Name, s.Slot, false)).Append(("Mean " + clean[0].Name, 3, true)).ToArray();
        SvgChartWriter.Legend(sb, layout, legend);
        SvgChartWriter.Close(sb);
    }

    /// <summary>Gaussian KDE of sorted <paramref name="values"/> at <see cref="KdePoints"/> points over [lo, hi]; empty when n &lt; 2 or no spread.</summary>
    internal static double[] Kde(double[] values, double lo, double hi)
    {
        var n = values.Length;
        if (n < 2)
        {
            return [];
        }

        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var iqr = Quantiles.Linear(values, 0.75) - Quantiles.Linear(values, 0.25);
        var spread = iqr > 0 ? Math.Min(sd, iqr / 1.34) : sd;
        var h = 0.9 * spread * Math.Pow(n, -0.2);
        if (!(h > 0))
        {
            return [];
        }

        var result = new double[KdePoints];
        var norm = 1 / (n * h * Math.Sqrt(2 * Math.PI));
        for (var i = 0; i < KdePoints; i++)
        {
            var x = lo + (i * (hi - lo) / (KdePoints - 1));
            var sum = 0.0;
            foreach (var v in values)
            {
                var z = (x - v) / h;
                sum += Math.Exp(-0.5 * z * z);
            }

            result[i] = sum * norm;
        }

        return result;
    }
}
