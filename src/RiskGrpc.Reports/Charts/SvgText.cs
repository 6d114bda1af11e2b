using System.Globalization;
using System.Text;

namespace RiskGrpc.Reports.Charts;

/// <summary>Appends encoded text and fixed-precision numbers to SVG/HTML output without culture or allocation surprises.</summary>
internal static class SvgText
{
    /// <summary>Appends <paramref name="text"/> with &amp; &lt; &gt; " ' escaped (safe in element content and quoted attributes).</summary>
    public static StringBuilder AppendEncoded(this StringBuilder sb, string? text)
    {
        if (text is null)
        {
            return sb;
        }

        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb;
    }

    /// <summary>Appends a coordinate rounded to 0.1 ("12.3", "-0.5", "7"); never "-0".</summary>
    public static StringBuilder AppendCoord(this StringBuilder sb, double value)
    {
        if (!double.IsFinite(value))
        {
            return sb.Append('0');
        }

        var tenths = (long)Math.Round(value * 10, MidpointRounding.AwayFromZero);
        if (tenths < 0)
        {
            sb.Append('-');
            tenths = -tenths;
        }

        sb.Append(tenths / 10);
        var fraction = tenths % 10;
        if (fraction != 0)
        {
            sb.Append('.').Append((char)('0' + fraction));
        }

        return sb;
    }

    /// <summary>Formats with the invariant culture.</summary>
    public static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
