namespace RiskGrpc.Kernel;

/// <summary>Wealth Π(1 + r) and compound annual growth of a (sub-)series, as empyrical's annual_return.</summary>
internal static class CompoundGrowth
{
    /// <summary>W = Π(1 + r); 1 for an empty series.</summary>
    public static double Wealth(ReadOnlySpan<double> returns)
    {
        // Four independent products break the multiply latency chain; the reordering changes the result by a few ulp.
        double p0 = 1, p1 = 1, p2 = 1, p3 = 1;
        var i = 0;
        for (; i + 4 <= returns.Length; i += 4)
        {
            p0 *= 1 + returns[i];
            p1 *= 1 + returns[i + 1];
            p2 *= 1 + returns[i + 2];
            p3 *= 1 + returns[i + 3];
        }

        for (; i < returns.Length; i++)
        {
            p0 *= 1 + returns[i];
        }

        return p0 * p1 * (p2 * p3);
    }

    /// <summary>
    /// W^(1/years) − 1 with years = rows / A (empyrical's annual_return); NaN for zero rows. A negative wealth gives NaN
    /// (a fractional power of a negative number), as numpy does.
    /// </summary>
    public static double Cagr(double wealth, int rows, double periodsPerYear) =>
        rows == 0 ? double.NaN : Math.Pow(wealth, 1.0 / (rows / periodsPerYear)) - 1;
}
