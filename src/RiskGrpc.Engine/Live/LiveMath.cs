namespace RiskGrpc.Engine.Live;

/// <summary>Scalar conventions shared by the live metrics (docs/metrics.md).</summary>
internal static class LiveMath
{
    /// <summary>
    /// numerator / denominator, except a zero denominator gives ±Infinity for a non-zero numerator and NaN
    /// for a zero one (the catalogue's degenerate-ratio rule); NaN in, NaN out.
    /// </summary>
    public static double Ratio(double numerator, double denominator)
    {
        if (denominator == 0 && !double.IsNaN(numerator))
        {
            return numerator == 0 ? double.NaN : (numerator > 0 ? double.PositiveInfinity : double.NegativeInfinity);
        }

        return numerator / denominator;
    }
}
