using System.Globalization;

namespace RiskGrpc.Reports.Charts;

/// <summary>Tick and value labels. A value that rounds to zero prints as "0" / "0%", never "-0" / "-0%".</summary>
internal static class AxisFormat
{
    /// <summary>How an axis prints its values.</summary>
    public enum Kind
    {
        /// <summary>Fractions as percent (0.05 → "5%").</summary>
        Percent,

        /// <summary>Plain numbers.</summary>
        Number,
    }

    /// <summary>Prints <paramref name="value"/> with <paramref name="decimals"/> decimals in the given kind.</summary>
    public static string Format(double value, Kind kind, int decimals)
    {
        if (double.IsNaN(value))
        {
            return "–";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        var scaled = kind == Kind.Percent ? value * 100 : value;
        var text = scaled.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text[0] == '-' && IsZero(text))
        {
            text = text[1..];
        }

        return kind == Kind.Percent ? text + "%" : text;
    }

    /// <summary>Tick labels for a nice scale: enough decimals to tell neighbouring ticks apart.</summary>
    public static string[] Ticks(NiceScale scale, Kind kind)
    {
        var decimals = NiceScale.Decimals(scale.Step, kind == Kind.Percent ? 100 : 1);
        var labels = new string[scale.Ticks.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = Format(scale.Ticks[i], kind, decimals);
        }

        return labels;
    }

    private static bool IsZero(string text)
    {
        foreach (var c in text)
        {
            if (c is not ('-' or '0' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
