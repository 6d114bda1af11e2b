using System.Text;

namespace RiskGrpc.Reports.Charts;

/// <summary>Shared SVG pieces of every chart: the root element, grid lines with labels, the legend.</summary>
internal static class SvgChartWriter
{
    /// <summary>Opens <c>&lt;svg&gt;</c> scaled to its container, with an accessible title.</summary>
    public static void Open(StringBuilder sb, int width, int height, string title)
    {
        sb.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
          .Append("\" role=\"img\" aria-label=\"").AppendEncoded(title).Append("\"><title>").AppendEncoded(title).Append("</title>");
    }

    /// <summary>Closes the root element.</summary>
    public static void Close(StringBuilder sb) => sb.Append("</svg>");

    /// <summary>Horizontal grid lines with right-aligned labels at the left margin.</summary>
    public static void YGrid(StringBuilder sb, ChartLayout layout, IReadOnlyList<double> positions, IReadOnlyList<string> labels, IReadOnlyList<bool>? strong = null)
    {
        sb.Append("<g class=\"grid\">");
        for (var i = 0; i < positions.Count; i++)
        {
            var y = positions[i];
            sb.Append("<line x1=\"").AppendCoord(layout.Left).Append("\" x2=\"").AppendCoord(layout.Right)
              .Append("\" y1=\"").AppendCoord(y).Append("\" y2=\"").AppendCoord(y).Append('"');
            if (strong is not null && strong[i])
            {
                sb.Append(" class=\"zero\"");
            }

            sb.Append("/>");
        }

        sb.Append("</g><g class=\"ylab\">");
        for (var i = 0; i < positions.Count; i++)
        {
            sb.Append("<text x=\"").AppendCoord(layout.Left - 6).Append("\" y=\"").AppendCoord(positions[i] + 3.5).Append("\">")
              .AppendEncoded(labels[i]).Append("</text>");
        }

        sb.Append("</g>");
    }

    /// <summary>Tick labels centred under the plot at the given x positions, with short tick marks.</summary>
    public static void XLabels(StringBuilder sb, ChartLayout layout, IReadOnlyList<double> positions, IReadOnlyList<string> labels)
    {
        sb.Append("<g class=\"xlab\">");
        for (var i = 0; i < positions.Count; i++)
        {
            var x = positions[i];
            sb.Append("<line x1=\"").AppendCoord(x).Append("\" x2=\"").AppendCoord(x).Append("\" y1=\"").AppendCoord(layout.Bottom)
              .Append("\" y2=\"").AppendCoord(layout.Bottom + 4).Append("\"/><text x=\"").AppendCoord(x).Append("\" y=\"")
              .AppendCoord(layout.Bottom + 16).Append("\">").AppendEncoded(labels[i]).Append("</text>");
        }

        sb.Append("</g>");
    }

    /// <summary>A legend row above the plot: one swatch and name per entry, laid out left to right.</summary>
    public static void Legend(StringBuilder sb, ChartLayout layout, IReadOnlyList<(string Name, int Slot, bool Dashed)> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        sb.Append("<g class=\"legend\">");
        var x = layout.Left;
        foreach (var (name, slot, dashed) in entries)
        {
            sb.Append("<line class=\"s").Append(slot).Append(dashed ? " ref" : string.Empty).Append("\" x1=\"").AppendCoord(x)
              .Append("\" x2=\"").AppendCoord(x + 16).Append("\" y1=\"10\" y2=\"10\"/><text x=\"").AppendCoord(x + 20)
              .Append("\" y=\"14\">").AppendEncoded(name).Append("</text>");
            x += 28 + (6.2 * name.Length);
        }

        sb.Append("</g>");
    }
}
