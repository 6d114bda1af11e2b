using MathNet.Numerics.Distributions;

namespace RiskGrpc.Backtesting;

/// <summary>
/// Inference on the difference of two Sharpe ratios measured on the same periods. Sharpe = mean(r − rf/A)/sd(r) · √A
/// (sd with ddof 1). Jobson-Korkie with Memmel's (2003) correction: z = (SRₐ − SR_b)/√θ with per-period ratios and
/// θ = [2 − 2ρ + ½(SRₐ² + SR_b² − 2·SRₐ·SR_b·ρ²)]/T. Stationary bootstrap (Politis &amp; Romano 1994): circular blocks
/// starting uniformly with geometric lengths of mean b, drawn on the same indices for both series; percentile interval; p-value = share of resampled
/// differences whose distance from the estimate is at least the estimate's distance from 0.
/// </summary>
public static class SharpeRatioInference
{
    /// <summary>Annualised Sharpe ratio of <paramref name="returns"/>.</summary>
    public static double Sharpe(ReadOnlySpan<double> returns, double riskFreeRate, double periodsPerYear)
    {
        var (mean, sd) = MeanSd(returns, riskFreeRate / periodsPerYear);
        return mean / sd * Math.Sqrt(periodsPerYear);
    }

    /// <summary>Compares <paramref name="strategy"/> with <paramref name="baseline"/> (equal lengths, same periods).</summary>
    public static SharpeComparison Compare(string strategyName, double[] strategy, string baselineName, double[] baseline, double riskFreeRate, double periodsPerYear, SharpeComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(options);
        if (strategy.Length != baseline.Length || strategy.Length < 3)
        {
            throw new ArgumentException("the two series need the same length of at least 3", nameof(baseline));
        }

        var t = strategy.Length;
        var rfPeriod = riskFreeRate / periodsPerYear;
        var scale = Math.Sqrt(periodsPerYear);
        var srA = Sharpe(strategy, riskFreeRate, periodsPerYear);
        var srB = Sharpe(baseline, riskFreeRate, periodsPerYear);
        var diff = srA - srB;

        var (z, pMemmel) = Memmel(strategy, baseline, rfPeriod);

        var block = options.MeanBlockLength > 0 ? options.MeanBlockLength : Math.Ceiling(Math.Cbrt(t));
        var resamples = Math.Max(100, options.Resamples);
        var diffs = new double[resamples];
        var random = new Random(options.Seed);
        var logStay = Math.Log(1 - (1 / block));
        for (var k = 0; k < resamples; k++)
        {
            // Blocks start uniformly and have geometric lengths with mean b (one draw per block, not per period).
            double sa = 0, saa = 0, sb = 0, sbb = 0;
            var filled = 0;
            while (filled < t)
            {
                var start = random.Next(t);
                var length = block <= 1 ? 1 : 1 + (int)Math.Min(t, Math.Floor(Math.Log(1 - random.NextDouble()) / logStay));
                length = Math.Min(length, t - filled);
                for (var j = 0; j < length; j++)
                {
                    var index = start + j < t ? start + j : start + j - t;
                    var x = strategy[index];
                    var y = baseline[index];
                    sa += x;
                    saa += x * x;
                    sb += y;
                    sbb += y * y;
                }

                filled += length;
            }

            var sdA = Math.Sqrt(Math.Max(0, (saa - (sa * sa / t)) / (t - 1)));
            var sdB = Math.Sqrt(Math.Max(0, (sbb - (sb * sb / t)) / (t - 1)));
            diffs[k] = ((((sa / t) - rfPeriod) / sdA) - (((sb / t) - rfPeriod) / sdB)) * scale;
        }

        var extreme = 0;
        foreach (var d in diffs)
        {
            extreme += Math.Abs(d - diff) >= Math.Abs(diff) ? 1 : 0;
        }

        Array.Sort(diffs);
        var tail = (1 - options.Confidence) / 2;
        return new SharpeComparison
        {
            Strategy = strategyName,
            Baseline = baselineName,
            StrategySharpe = srA,
            BaselineSharpe = srB,
            Difference = diff,
            IntervalLow = Quantile(diffs, tail),
            IntervalHigh = Quantile(diffs, 1 - tail),
            Confidence = options.Confidence,
            BootstrapPValue = (extreme + 1.0) / (resamples + 1.0),
            MemmelZ = z,
            MemmelPValue = pMemmel,
            Resamples = resamples,
            MeanBlockLength = block,
            Seed = options.Seed,
        };
    }

    /// <summary>The Jobson-Korkie-Memmel z statistic and its two-sided normal p-value.</summary>
    public static (double Z, double PValue) Memmel(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double riskFreePerPeriod)
    {
        var t = a.Length;
        var (ma, sa) = MeanSd(a, riskFreePerPeriod);
        var (mb, sb) = MeanSd(b, riskFreePerPeriod);
        var srA = ma / sa;
        var srB = mb / sb;
        double cov = 0;
        double meanA = ma + riskFreePerPeriod, meanB = mb + riskFreePerPeriod;
        for (var i = 0; i < t; i++)
        {
            cov += (a[i] - meanA) * (b[i] - meanB);
        }

        var rho = cov / (t - 1) / (sa * sb);
        var theta = (2 - (2 * rho) + (0.5 * ((srA * srA) + (srB * srB) - (2 * srA * srB * rho * rho)))) / t;
        var z = (srA - srB) / Math.Sqrt(theta);
        return (z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }

    private static (double MeanExcess, double Sd) MeanSd(ReadOnlySpan<double> r, double rfPeriod)
    {
        var mean = 0.0;
        foreach (var x in r)
        {
            mean += x;
        }

        mean /= r.Length;
        var ss = 0.0;
        foreach (var x in r)
        {
            var d = x - mean;
            ss += d * d;
        }

        return (mean - rfPeriod, Math.Sqrt(ss / (r.Length - 1)));
    }

    /// <summary>Linear-interpolation quantile of sorted values (numpy's default).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
