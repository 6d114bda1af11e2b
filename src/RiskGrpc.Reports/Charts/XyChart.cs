using System.Globalization;
using System.Text;

namespace RiskGrpc.Reports.Charts;

/// <summary>
/// Line, area and bar-per-point charts over a time or row axis, with shaded spans, reference lines, a legend and
/// hover strips whose tooltips give the values at that date. Each series is reduced to two points per pixel column
/// (<see cref="Downsampler.MinMax"/>) before drawing; output is deterministic for the same spec.
/// </summary>
internal static class XyChart
{
    private const int HoverStrips = 60;

    /// <summary>Appends the chart's SVG to <paramref name="sb"/>.</summary>
    public static void Render(StringBuilder sb, XyChartSpec spec)
    {
        var layout = ChartLayout.For(spec.Width, spec.Height);
        SvgChartWriter.Open(sb, spec.Width, spec.Height, spec.Title);
        var (xMin, xMax) = XRange(spec);
        var (yScale, yTicks, yLabels) = YAxis(spec);
        double Sx(double x) => xMax > xMin ? layout.Left + ((x - xMin) / (xMax - xMin) * layout.PlotWidth) : layout.Left + (layout.PlotWidth / 2);
        double Sy(double y) => layout.Bottom - ((yScale.Transform(y) - yScale.Min) / (yScale.Max - yScale.Min) * layout.PlotHeight);

        foreach (var span in spec.Spans)
        {
            var x0 = Sx(span.X0);
            var x1 = Math.Max(Sx(span.X1), x0 + 1);
            sb.Append("<rect class=\"span\" x=\"").AppendCoord(x0).Append("\" y=\"").AppendCoord(layout.Top).Append("\" width=\"")
              .AppendCoord(x1 - x0).Append("\" height=\"").AppendCoord(layout.PlotHeight).Append("\"><title>").AppendEncoded(span.Label)
              .Append("</title></rect>");
        }

        foreach (var band in spec.Bands)
        {
            sb.Append("<path class=\"s").Append(band.Slot).Append(" band\" d=\"");
            for (var i = 0; i < band.X.Length; i++)
            {
                sb.Append(i == 0 ? 'M' : 'L').AppendCoord(Sx(band.X[i])).Append(' ').AppendCoord(Sy(band.Upper[i]));
            }

            for (var i = band.X.Length - 1; i >= 0; i--)
            {
                sb.Append('L').AppendCoord(Sx(band.X[i])).Append(' ').AppendCoord(Sy(band.Lower[i]));
            }

            sb.Append("Z\"><title>").AppendEncoded(band.Name).Append("</title></path>");
        }

        var yPositions = yTicks.Select(t => Sy(t)).ToArray();
        var zero = yTicks.Select(t => spec.LogY ? t == 0 : t == 0).ToArray();
        SvgChartWriter.YGrid(sb, layout, yPositions, yLabels, zero);
        XAxis(sb, spec, layout, xMin, xMax, Sx);

        var columns = (int)layout.PlotWidth;
        var zeroY = Math.Clamp(Sy(0), layout.Top, layout.Bottom);
        foreach (var series in spec.Series)
        {
            var keep = Downsampler.MinMax(series.X, series.Y, columns);
            if (keep.Length == 0)
            {
                continue;
            }

            sb.Append("<path class=\"s").Append(series.Slot).Append(series.Style switch { SeriesStyle.Area => " area", SeriesStyle.Bars => " bars", _ => string.Empty })
              .Append("\" d=\"");
            if (series.Style == SeriesStyle.Bars)
            {
                foreach (var i in keep)
                {
                    sb.Append('M').AppendCoord(Sx(series.X[i])).Append(' ').AppendCoord(zeroY).Append('V').AppendCoord(Sy(series.Y[i]));
                }
            }
            else
            {
                var first = true;
                foreach (var i in keep)
                {
                    if (spec.LogY && 1 + series.Y[i] <= 0)
                    {
                        continue;
                    }

                    sb.Append(first ? 'M' : 'L').AppendCoord(Sx(series.X[i])).Append(' ').AppendCoord(Sy(series.Y[i]));
                    first = false;
                }

                if (series.Style == SeriesStyle.Area)
                {
                    sb.Append('L').AppendCoord(Sx(series.X[keep[^1]])).Append(' ').AppendCoord(zeroY)
                      .Append('L').AppendCoord(Sx(series.X[keep[0]])).Append(' ').AppendCoord(zeroY).Append('Z');
                }
            }

            sb.Append("\"/>");
        }

        foreach (var reference in spec.References)
        {
            var y = Sy(reference.Y);
            sb.Append("<line class=\"s").Append(reference.Slot).Append(" ref\" x1=\"").AppendCoord(layout.Left).Append("\" x2=\"")
              .AppendCoord(layout.Right).Append("\" y1=\"").AppendCoord(y).Append("\" y2=\"").AppendCoord(y).Append("\"/>");
        }

        var legend = spec.Bands.Select(b => (b.Name, b.Slot, false)).Concat(spec.Series.Select(s => (s.Name, s.Slot, false)))
            .Concat(spec.References.Select(r => (r.Label, r.Slot, true))).ToArray();
        SvgChartWriter.Legend(sb, layout, legend.Length > 1 ? legend : []);
        HoverTargets(sb, spec, layout, xMin, xMax);
        SvgChartWriter.Close(sb);
    }

    private static (double Min, double Max) XRange(XyChartSpec spec)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var s in spec.Series)
        {
            if (s.X.Length > 0)
            {
                min = Math.Min(min, s.X[0]);
                max = Math.Max(max, s.X[^1]);
            }
        }

        return double.IsFinite(min) ? (min, max) : (0, 1);
    }

    private static (YScale Scale, double[] Ticks, string[] Labels) YAxis(XyChartSpec spec)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var s in spec.Series)
        {
            foreach (var y in s.Y)
            {
                if (double.IsFinite(y) && (!spec.LogY || 1 + y > 0))
                {
                    min = Math.Min(min, y);
                    max = Math.Max(max, y);
                }
            }

            if (s.Style != SeriesStyle.Line && double.IsFinite(min))
            {
                min = Math.Min(min, 0);
                max = Math.Max(max, 0);
            }
        }

        foreach (var b in spec.Bands)
        {
            foreach (var y in b.Lower.Concat(b.Upper))
            {
                if (double.IsFinite(y) && (!spec.LogY || 1 + y > 0))
                {
                    min = Math.Min(min, y);
                    max = Math.Max(max, y);
                }
            }
        }

        foreach (var r in spec.References)
        {
            if (double.IsFinite(r.Y))
            {
                min = Math.Min(min, r.Y);
                max = Math.Max(max, r.Y);
            }
        }

        if (spec.LogY)
        {
            return LogAxis(double.IsFinite(min) ? 1 + min : 1, double.IsFinite(max) ? 1 + max : 2);
        }

        var nice = NiceScale.Create(min, max);
        return (new YScale(nice.Min, nice.Max, Log: false), nice.Ticks, AxisFormat.Ticks(nice, spec.YKind));
    }

    /// <summary>Ticks of a log wealth axis at 1-2-5 multiples of powers of ten (or linear nice ticks inside one decade), labelled as returns.</summary>
    private static (YScale Scale, double[] Ticks, string[] Labels) LogAxis(double wealthMin, double wealthMax)
    {
        wealthMin = Math.Max(wealthMin, 1e-6);
        wealthMax = Math.Max(wealthMax, wealthMin * 1.01);
        List<double> wealthTicks;
        if (wealthMax / wealthMin < 10)
        {
            wealthTicks = [.. NiceScale.Create(wealthMin, wealthMax).Ticks.Where(t => t > 0)];
        }
        else
        {
            wealthTicks = [];
            for (var e = (int)Math.Floor(Math.Log10(wealthMin)); e <= (int)Math.Ceiling(Math.Log10(wealthMax)); e++)
            {
                foreach (var m in (ReadOnlySpan<double>)[1, 2, 5])
                {
                    var t = m * Math.Pow(10, e);
                    if (t >= wealthMin / 1.0001 && t <= wealthMax * 1.0001)
                    {
                        wealthTicks.Add(Math.Round(t, 10));
                    }
                }
            }
        }

        var lo = Math.Log10(Math.Min(wealthMin, wealthTicks.Count > 0 ? wealthTicks[0] : wealthMin));
        var hi = Math.Log10(Math.Max(wealthMax, wealthTicks.Count > 0 ? wealthTicks[^1] : wealthMax));
        var ticks = wealthTicks.Select(w => w - 1).ToArray();
        var decimals = wealthTicks.Count > 1 ? NiceScale.Decimals(wealthTicks.Zip(wealthTicks.Skip(1), (a, b) => b - a).Min(), 100) : 0;
        var labels = ticks.Select(t => AxisFormat.Format(t, AxisFormat.Kind.Percent, decimals)).ToArray();
        return (new YScale(lo, hi, Log: true), ticks, labels);
    }

    private static void XAxis(StringBuilder sb, XyChartSpec spec, ChartLayout layout, double xMin, double xMax, Func<double, double> sx)
    {
        if (spec.TimeAxis)
        {
            var ticks = DateTicks.Create(ChartTime.FromDays(xMin), ChartTime.FromDays(xMax), 9);
            SvgChartWriter.XLabels(sb, layout, ticks.Select(t => sx(ChartTime.ToDays(t.Time))).ToArray(), ticks.Select(t => t.Label).ToArray());
        }
        else
        {
            var nice = NiceScale.Create(xMin, xMax, 8);
            var inside = nice.Ticks.Where(t => t >= xMin && t <= xMax).ToArray();
            SvgChartWriter.XLabels(sb, layout, inside.Select(sx).ToArray(), inside.Select(t => AxisFormat.Format(t, AxisFormat.Kind.Number, 0)).ToArray());
        }
    }

    private static void HoverTargets(StringBuilder sb, XyChartSpec spec, ChartLayout layout, double xMin, double xMax)
    {
        if (spec.Series.Count == 0 || xMax <= xMin)
        {
            return;
        }

        var width = layout.PlotWidth / HoverStrips;
        var decimals = spec.YKind == AxisFormat.Kind.Percent ? 2 : 2;
        sb.Append("<g class=\"hit\">");
        for (var k = 0; k < HoverStrips; k++)
        {
            var x = xMin + ((k + 0.5) / HoverStrips * (xMax - xMin));
            sb.Append("<rect x=\"").AppendCoord(layout.Left + (k * width)).Append("\" y=\"").AppendCoord(layout.Top).Append("\" width=\"")
              .AppendCoord(width).Append("\" height=\"").AppendCoord(layout.PlotHeight).Append("\"><title>");
            sb.AppendEncoded(spec.TimeAxis ? ChartTime.FromDays(x).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "row " + ((long)x).ToString(CultureInfo.InvariantCulture));
            foreach (var s in spec.Series)
            {
                var i = Nearest(s.X, x);
                if (i >= 0)
                {
                    sb.Append("&#10;").AppendEncoded(s.Name).Append(": ").AppendEncoded(AxisFormat.Format(s.Y[i], spec.YKind, decimals));
                }
            }

            sb.Append("</title></rect>");
        }

        sb.Append("</g>");
    }

    private static int Nearest(double[] xs, double x)
    {
        if (xs.Length == 0)
        {
            return -1;
        }

        var i = Array.BinarySearch(xs, x);
        if (i >= 0)
        {
            return i;
        }

        i = ~i;
        if (i == 0)
        {
            return 0;
        }

        if (i >= xs.Length)
        {
            return xs.Length - 1;
        }

        return x - xs[i - 1] <= xs[i] - x ? i - 1 : i;
    }

    private readonly record struct YScale(double Min, double Max, bool Log)
    {
        public double Transform(double y) => Log ? Math.Log10(Math.Max(1 + y, 1e-12)) : y;
    }
}
