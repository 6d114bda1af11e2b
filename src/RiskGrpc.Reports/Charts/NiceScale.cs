namespace RiskGrpc.Reports.Charts;

/// <summary>
/// A linear axis with "nice" ticks (Heckbert's 1-2-5 steps): the domain [<see cref="Min"/>, <see cref="Max"/>] is the
/// data range widened to whole steps, ticks are k·<see cref="Step"/> computed from the integer k (no drift, so 0 is
/// exactly 0 and never prints as "-0").
/// </summary>
internal sealed class NiceScale
{
    private NiceScale(double min, double max, double step, double[] ticks)
    {
        Min = min;
        Max = max;
        Step = step;
        Ticks = ticks;
    }

    /// <summary>Lower end of the axis.</summary>
    public double Min { get; }

    /// <summary>Upper end of the axis.</summary>
    public double Max { get; }

    /// <summary>Distance between ticks: 1, 2 or 5 times a power of ten.</summary>
    public double Step { get; }

    /// <summary>Tick values from <see cref="Min"/> to <see cref="Max"/> inclusive.</summary>
    public double[] Ticks { get; }

    /// <summary>
    /// Nice axis covering [<paramref name="dataMin"/>, <paramref name="dataMax"/>] with about <paramref name="targetTicks"/>
    /// ticks. Non-finite bounds give [0, 1]; an empty range is widened around the value.
    /// </summary>
    public static NiceScale Create(double dataMin, double dataMax, int targetTicks = 5)
    {
        if (!double.IsFinite(dataMin) || !double.IsFinite(dataMax))
        {
            dataMin = 0;
            dataMax = 1;
        }

        if (dataMin > dataMax)
        {
            (dataMin, dataMax) = (dataMax, dataMin);
        }

        if (dataMax - dataMin < 1e-12 * Math.Max(1, Math.Abs(dataMax)))
        {
            var pad = dataMin == 0 ? 1 : Math.Abs(dataMin) * 0.1;
            dataMin -= pad;
            dataMax += pad;
        }

        var step = NiceNumber((dataMax - dataMin) / Math.Max(1, targetTicks - 1), round: true);
        var first = (long)Math.Floor((dataMin / step) + 1e-9);
        var last = (long)Math.Ceiling((dataMax / step) - 1e-9);
        var ticks = new double[last - first + 1];
        for (var k = first; k <= last; k++)
        {
            ticks[k - first] = Clean(k * step, step);
        }

        return new NiceScale(ticks[0], ticks[^1], step, ticks);
    }

    /// <summary>1, 2, 5 or 10 times the power of ten below <paramref name="value"/> (rounded, or the ceiling when not).</summary>
    public static double NiceNumber(double value, bool round)
    {
        var exponent = Math.Floor(Math.Log10(value));
        var fraction = value / Math.Pow(10, exponent);
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }

    /// <summary>Decimals needed to print multiples of <paramref name="step"/> times <paramref name="scale"/> exactly.</summary>
    public static int Decimals(double step, double scale = 1)
    {
        var scaled = step * scale;
        return scaled >= 1 ? 0 : Math.Min(10, (int)Math.Ceiling(-Math.Log10(scaled) - 1e-9));
    }

    private static double Clean(double value, double step) => Math.Abs(value) < step * 1e-9 ? 0 : Math.Round(value, 12);
}
