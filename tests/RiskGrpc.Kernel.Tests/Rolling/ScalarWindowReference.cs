using RiskGrpc.Kernel.Tests.Relative;

namespace RiskGrpc.Kernel.Tests.Rolling;

/// <summary>
/// The catalogue's scalar metrics computed directly on one window (a copy of its rows), the way a reader would write
/// them: what every rolling value must equal. Means use <see cref="ScalarRelativeReference.Mean"/> (a constant window
/// has exactly zero spread).
/// </summary>
internal static class ScalarWindowReference
{
    public static double Sharpe(double[] window, MetricParameters p)
    {
        var e = Excess(window, p);
        return ScalarRelativeReference.Mean(e) / ScalarRelativeReference.SampleSd(e) * Math.Sqrt(p.PeriodsPerYear);
    }

    public static double Volatility(double[] window, MetricParameters p) =>
        ScalarRelativeReference.SampleSd(window) * Math.Sqrt(p.PeriodsPerYear);

    public static double Sortino(double[] window, MetricParameters p)
    {
        var e = Excess(window, p);
        var downside = e.Select(x => Math.Min(x, 0) * Math.Min(x, 0)).Average();
        return ScalarRelativeReference.Mean(e) * Math.Sqrt(p.PeriodsPerYear) / Math.Sqrt(downside);
    }

    public static double MaxDrawdown(double[] window)
    {
        double wealth = 1, peak = 1, worst = 0;
        foreach (var r in window)
        {
            wealth *= 1 + r;
            peak = Math.Max(peak, wealth);
            worst = Math.Min(worst, (wealth / peak) - 1);
        }

        return worst;
    }

    public static double Beta(double[] r, double[] b) => ScalarRelativeReference.Beta(r, b);

    private static double[] Excess(double[] window, MetricParameters p) =>
        window.Select(x => x - p.RiskFreePerPeriod).ToArray();
}
