using MathNet.Numerics.Distributions;

namespace RiskGrpc.Kernel;

/// <summary>Quantile metrics and tail risk by selection (no sort): tail buffers by threshold, then introselect.</summary>
public static partial class MetricKernel
{
    /// <summary>Below this length the whole series is sorted: selection bookkeeping costs more than it saves.</summary>
    private const int SortOutrightLength = 64;

    /// <summary>Capacity of the selected-rank memory per tail (more ranks still work, only without narrowing).</summary>
    private const int RankMemory = 32;

    /// <summary>Φ⁻¹(0.05), the 95 % level QuantStats' serenity index applies to the drawdown series.</summary>
    private static readonly double Z05 = Normal.InvCDF(0, 1, 0.05);

    /// <summary>
    /// Copies the tails of <paramref name="r"/> into <paramref name="low"/> / <paramref name="high"/> so that every
    /// rank any of the quantiles needs (p = 0.01, 0.05, 0.95, 0.99 and 1 − c) is answerable. Thresholds come from a
    /// normal / Cornish-Fisher guess with a 3σ binomial margin; the copy counts prove the guess (a tail buffer holding
    /// at least L values ≤ T holds the L smallest), and a failed guess is widened until it covers the whole series.
    /// </summary>
    private static OrderStatistics TailOrderStatistics(
        ReadOnlySpan<double> r,
        ReadOnlySpan<double> confidenceLevels,
        double mean,
        double sd,
        double skewBiased,
        double kurtosisBiased,
        Span<double> low,
        Span<double> high,
        Span<int> lowRanks,
        Span<int> highRanks,
        Span<double> selectScratch,
        out double lowThreshold)
    {
        var n = r.Length;
        if (n <= SortOutrightLength)
        {
            var all = low[..n];
            r.CopyTo(all);
            all.Sort();
            lowThreshold = double.PositiveInfinity;
            return new OrderStatistics(all);
        }

        // The largest rank needed from below and the smallest needed from above (each p needs ⌊h⌋ and ⌊h⌋ + 1).
        int needLow = -1, needHigh = n;
        Need(0.01, n, ref needLow, ref needHigh);
        Need(0.05, n, ref needLow, ref needHigh);
        Need(0.95, n, ref needLow, ref needHigh);
        Need(0.99, n, ref needLow, ref needHigh);
        foreach (var c in confidenceLevels)
        {
            Need(1 - c, n, ref needLow, ref needHigh);
        }

        var wantLow = needLow + 1;
        var wantHigh = n - needHigh;
        var qLow = (wantLow + (3 * Math.Sqrt(wantLow)) + 8) / n;
        var qHigh = (wantHigh + (3 * Math.Sqrt(wantHigh)) + 8) / n;
        while (true)
        {
            var tLow = wantLow <= 0 ? double.NegativeInfinity : Threshold(qLow, mean, sd, skewBiased, kurtosisBiased, lower: true);
            var tHigh = wantHigh <= 0 ? double.PositiveInfinity : Threshold(qHigh, mean, sd, skewBiased, kurtosisBiased, lower: false);
            var (cLow, cHigh) = TailCompaction.Compact(r, tLow, tHigh, low, high);

            var lowOk = cLow >= wantLow;
            var highOk = cHigh >= wantHigh;
            if (lowOk && highOk)
            {
                lowThreshold = tLow;
                return new OrderStatistics(low[..cLow], high[..cHigh], n, lowRanks, highRanks, selectScratch);
            }

            qLow = lowOk ? qLow : 2 * qLow;
            qHigh = highOk ? qHigh : 2 * qHigh;
        }
    }

    private static void Need(double p, int n, ref int needLow, ref int needHigh)
    {
        var lo = (int)Math.Floor((n - 1) * p);
        var hi = Math.Min(lo + 1, n - 1);
        if (p < 0.5)
        {
            needLow = Math.Max(needLow, hi);
        }
        else
        {
            needHigh = Math.Min(needHigh, lo);
        }
    }

    /// <summary>
    /// A value with probably at least a fraction q of the series beyond it: the more extreme of the normal and the
    /// Cornish-Fisher quantile (fat tails push the CF one outwards). q ≥ 0.5 or no spread gives the whole line.
    /// </summary>
    private static double Threshold(double q, double mean, double sd, double s, double k, bool lower)
    {
        if (q >= 0.5 || !(sd > 0))
        {
            return lower ? double.PositiveInfinity : double.NegativeInfinity;
        }

        var z = Normal.InvCDF(0, 1, lower ? q : 1 - q);
        var zcf = CornishFisher(z, s, k);
        if (double.IsNaN(zcf))
        {
            zcf = z;
        }

        return mean + (sd * (lower ? Math.Min(z, zcf) : Math.Max(z, zcf)));
    }

    /// <summary>z_cf = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36 (K = excess kurtosis).</summary>
    internal static double CornishFisher(double z, double s, double k)
    {
        var z2 = z * z;
        var z3 = z2 * z;
        return z + ((z2 - 1) * s / 6) + ((z3 - (3 * z)) * k / 24) - (((2 * z3) - (5 * z)) * s * s / 36);
    }

    /// <summary>Tail risk at confidence c from the order statistics and the moments.</summary>
    private static TailRiskMetrics TailRisk(
        double c,
        ReadOnlySpan<double> r,
        ref OrderStatistics order,
        double lowThreshold,
        double sum,
        double mean,
        double sd,
        double skewBiased,
        double kurtosisBiased)
    {
        var n = r.Length;
        var p = 1 - c;
        var k = (int)Math.Floor((n - 1) * p);
        var z = Normal.InvCDF(0, 1, p);
        var varGaussian = mean + (sd * z);

        // QuantStats' CVaR: the returns strictly below the gaussian VaR. When that VaR lies inside the low tail buffer,
        // the buffer holds every such return and the scan stays short.
        var below = varGaussian <= lowThreshold ? SumBelow(order.Low, varGaussian, out var count) : SumBelow(r, varGaussian, out count);
        return new TailRiskMetrics
        {
            Confidence = c,
            VarHistorical = order.Quantile(p),
            CvarHistorical = order.SmallestSum(k, sum) / (k + 1),
            VarGaussian = varGaussian,
            CvarGaussian = mean - (sd * Normal.PDF(0, 1, z) / p),
            VarCornishFisher = mean + (sd * CornishFisher(z, skewBiased, kurtosisBiased)),
            CvarQuantstats = count > 0 ? below / count : varGaussian,
        };
    }
}
