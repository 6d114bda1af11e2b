namespace RiskGrpc.Reports.Charts;

/// <summary>
/// Tukey box of one sample: quartiles by the catalogue's quantile rule, whiskers at the most extreme values within
/// 1.5·IQR of the box, outliers beyond them. Count 0 means an empty sample (all other fields NaN).
/// </summary>
internal readonly record struct BoxStats(int Count, double Q1, double Median, double Q3, double WhiskerLow, double WhiskerHigh, double[] Outliers)
{
    /// <summary>Box statistics of the finite values of <paramref name="values"/>.</summary>
    public static BoxStats Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return new BoxStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);
        }

        var q1 = Quantiles.Linear(sorted, 0.25);
        var q3 = Quantiles.Linear(sorted, 0.75);
        var fence = 1.5 * (q3 - q1);
        var low = sorted.First(v => v >= q1 - fence);
        var high = sorted.Last(v => v <= q3 + fence);
        var outliers = sorted.Where(v => v < low || v > high).ToArray();
        return new BoxStats(sorted.Length, q1, Quantiles.Linear(sorted, 0.5), q3, low, high, outliers);
    }
}
