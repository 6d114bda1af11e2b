using MathNet.Numerics.Distributions;

namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>
/// A deliberately plain implementation of the catalogue (docs/metrics.md): arrays, straightforward loops, a full sort
/// for quantiles, Math.Pow for every power. It shares no code with the kernel, so the sweep compares two independent
/// readings of the same formulas. Conventions the kernel documents (ratio rule, constant series, n thresholds) are
/// restated here, not imported.
/// </summary>
internal static partial class ScalarReferenceMetrics
{
    public static ReturnMetrics Compute(double[] r, double periodsPerYear, double riskFree)
    {
        var n = r.Length;
        var a = periodsPerYear;
        var rfp = new MetricParameters(periodsPerYear, riskFree).RiskFreePerPeriod;
        if (n == 0)
        {
            return EmptyMetrics();
        }

        var sum = 0.0;
        foreach (var x in r)
        {
            sum += x;
        }

        var constant = r.Min() == r.Max();
        var mean = constant ? r[0] : sum / n;
        double c2 = 0, c3 = 0, c4 = 0;
        if (!constant)
        {
            foreach (var x in r)
            {
                var d = x - mean;
                c2 += Math.Pow(d, 2);
                c3 += Math.Pow(d, 3);
                c4 += Math.Pow(d, 4);
            }
        }

        var sd = n >= 2 ? Math.Sqrt(c2 / (n - 1)) : double.NaN;
        var m2 = c2 / n;
        var g1 = Ratio(c3 / n, Math.Pow(m2, 1.5));
        var g2 = Ratio(c4 / n, m2 * m2) - 3;
        var e = r.Select(x => x - rfp).ToArray();
        var meanE = mean - rfp;

        var sharpe = Ratio(meanE, sd) * Math.Sqrt(a);
        var penalty = AutocorrPenalty(r);
        var downsideSq = e.Sum(x => Math.Pow(Math.Min(x, 0), 2)) / n;
        var sortino = Ratio(meanE * Math.Sqrt(a), Math.Sqrt(downsideSq));

        var wealth = new double[n];
        var dd = new double[n];
        double w = 1, peak = 1;
        for (var t = 0; t < n; t++)
        {
            w *= 1 + r[t];
            wealth[t] = w;
            peak = Math.Max(peak, w);
            dd[t] = (w / peak) - 1;
        }

        var total = w - 1;
        var cagr = Math.Pow(w, a / n) - 1;
        var maxDd = dd.Min();
        var sorted = (double[])r.Clone();
        Array.Sort(sorted);
        var tail = Ratio(Math.Abs(Quantile(sorted, 0.95)), Math.Abs(Quantile(sorted, 0.05)));
        var ulcer = n >= 2 ? Math.Sqrt(dd.Sum(x => x * x) / (n - 1)) : double.NaN;

        var wins = r.Count(x => x > 0);
        var losses = r.Count(x => x < 0);
        var nonZero = wins + losses;
        var gains = r.Where(x => x >= 0).ToArray();
        var lossValues = r.Where(x => x < 0).ToArray();
        var winRate = Ratio(wins, nonZero);
        var avgWin = wins > 0 ? r.Where(x => x > 0).Average() : double.NaN;
        var avgLoss = losses > 0 ? lossValues.Average() : double.NaN;
        var meanGain = gains.Length > 0 ? gains.Average() : double.NaN;
        var payoff = Ratio(avgWin, Math.Abs(avgLoss));
        var gainSum = gains.Sum();
        var lossSum = lossValues.Sum();
        var profitFactor = losses == 0 ? (gainSum > 0 ? double.PositiveInfinity : 0) : gainSum / Math.Abs(lossSum);
        var exposure = Math.Ceiling((double)nonZero / n * 100) / 100;
        var sr = Ratio(meanE, sd);
        var psr = n >= 2 ? Normal.CDF(0, 1, sr * Math.Sqrt(n - 1) / Math.Sqrt(1 - (g1 * sr) + ((g2 + 3 - 1) / 4 * sr * sr))) : double.NaN;
        var pitfall = Ratio(-CvarQuantstats(dd, 0.95), sd);
        var episodes = EpisodesOf(dd);

        return new ReturnMetrics
        {
            TotalReturn = total,
            Cagr = cagr,
            Volatility = sd * Math.Sqrt(a),
            Sharpe = sharpe,
            AutocorrPenalty = penalty,
            SmartSharpe = sharpe / penalty,
            DownsideRisk = Math.Sqrt(downsideSq) * Math.Sqrt(a),
            Sortino = sortino,
            SmartSortino = sortino / penalty,
            AdjustedSortino = sortino / Math.Sqrt(2),
            MaxDrawdown = maxDd,
            Calmar = maxDd < 0 ? cagr / Math.Abs(maxDd) : double.NaN,
            Omega = e.Where(x => x < 0).Sum(x => -x) is var den && den > 0 ? e.Where(x => x > 0).Sum() / den : double.NaN,
            Stability = Stability(r),
            TailRatio = tail,
            Skew = n >= 3 ? g1 * Math.Sqrt((double)n * (n - 1)) / (n - 2) : double.NaN,
            SkewBiased = g1,
            Kurtosis = n >= 4 ? (((n + 1) * g2) + 6) * (n - 1) / ((double)(n - 2) * (n - 3)) : double.NaN,
            KurtosisBiased = g2,
            UlcerIndex = ulcer,
            UlcerPerformanceIndex = Ratio(total - riskFree, ulcer),
            SerenityIndex = Ratio(sum - riskFree, ulcer * pitfall),
            RecoveryFactor = Ratio(Math.Abs(sum - riskFree), Math.Abs(maxDd)),
            WinRate = winRate,
            AvgWin = avgWin,
            AvgLoss = avgLoss,
            AvgReturn = nonZero > 0 ? r.Where(x => x != 0).Average() : double.NaN,
            PayoffRatio = payoff,
            ProfitFactor = profitFactor,
            ProfitRatio = Ratio(meanGain / gains.Length, Math.Abs(avgLoss) / losses),
            GainToPainRatio = losses > 0 ? sum / Math.Abs(lossSum) : double.NaN,
            KellyCriterion = Ratio((payoff * winRate) - (1 - winRate), payoff),
            RiskOfRuin = Math.Pow((1 - winRate) / (1 + winRate), n),
            CpcIndex = profitFactor * winRate * payoff,
            CommonSenseRatio = profitFactor * tail,
            CommonSenseRatioPyfolio = tail * (1 + cagr),
            OutlierWinRatio = Ratio(Quantile(sorted, 0.99), meanGain),
            OutlierLossRatio = Ratio(Quantile(sorted, 0.01), avgLoss),
            ExpectedReturn = Math.Pow(w, 1.0 / n) - 1,
            Exposure = exposure,
            Rar = Ratio(cagr, exposure),
            RiskReturnRatio = Ratio(mean, sd),
            Best = sorted[^1],
            Worst = sorted[0],
            ConsecutiveWins = LongestRun(r, x => x > 0),
            ConsecutiveLosses = LongestRun(r, x => x < 0),
            ProbabilisticSharpeRatio = psr,
            DrawdownCount = episodes.Count,
            MaxDrawdownDuration = episodes.Count > 0 ? episodes.Max(x => x.Length) : 0,
            AvgDrawdown = episodes.Count > 0 ? episodes.Average(x => x.Depth) : 0,
            AvgDrawdownDuration = episodes.Count > 0 ? episodes.Average(x => (double)x.Length) : 0,
            Mean = mean,
            Stdev = sd,
        };
    }

    /// <summary>Episodes from the dd series: start at dd &lt; 0 after dd = 0 (or row 0), end at the next dd = 0.</summary>
    public static List<DrawdownEpisode> EpisodesOf(double[] dd)
    {
        var list = new List<DrawdownEpisode>();
        var t = 0;
        while (t < dd.Length)
        {
            if (dd[t] == 0)
            {
                t++;
                continue;
            }

            var start = t;
            var valley = t;
            while (t < dd.Length && dd[t] < 0)
            {
                if (dd[t] < dd[valley])
                {
                    valley = t;
                }

                t++;
            }

            var peak = start - 1;
            var recovered = t < dd.Length;
            list.Add(new DrawdownEpisode(peak, valley, recovered ? t : -1, dd[valley], (recovered ? t : dd.Length - 1) - peak));
        }

        return list;
    }

    private static double Stability(double[] r)
    {
        var n = r.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        var y = new double[n];
        var acc = 0.0;
        for (var i = 0; i < n; i++)
        {
            acc += Math.Log(1 + r[i]);
            y[i] = acc;
        }

        var tbar = (n - 1) / 2.0;
        var ybar = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - tbar) * (y[i] - ybar);
            sxx += (i - tbar) * (i - tbar);
            syy += (y[i] - ybar) * (y[i] - ybar);
        }

        return Math.Min(1, Ratio(sxy * sxy, sxx * syy));
    }

    private static double AutocorrPenalty(double[] r)
    {
        var n = r.Length;
        if (n < 3)
        {
            return double.NaN;
        }

        var head = r[..^1];
        var tail = r[1..];
        double ma = head.Average(), mb = tail.Average(), sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n - 1; i++)
        {
            sab += (head[i] - ma) * (tail[i] - mb);
            saa += (head[i] - ma) * (head[i] - ma);
            sbb += (tail[i] - mb) * (tail[i] - mb);
        }

        if (r.Min() == r.Max())
        {
            return double.NaN;
        }

        var rho = Math.Abs(Ratio(sab, Math.Sqrt(saa * sbb)));
        var sum = 0.0;
        for (var k = 1; k < n; k++)
        {
            sum += (double)(n - k) / n * Math.Pow(rho, k);
        }

        return Math.Sqrt(1 + (2 * sum));
    }

    private static int LongestRun(double[] r, Func<double, bool> predicate)
    {
        int best = 0, run = 0;
        foreach (var x in r)
        {
            run = predicate(x) ? run + 1 : 0;
            best = Math.Max(best, run);
        }

        return best;
    }

    public static double Ratio(double num, double den) =>
        den != 0 ? num / den : num > 0 ? double.PositiveInfinity : num < 0 ? double.NegativeInfinity : double.NaN;

    private static ReturnMetrics EmptyMetrics()
    {
        object boxed = default(ReturnMetrics);
        foreach (var property in typeof(ReturnMetrics).GetProperties())
        {
            property.SetValue(boxed, double.NaN);
        }

        var m = (ReturnMetrics)boxed;
        m.ConsecutiveWins = m.ConsecutiveLosses = m.DrawdownCount = m.MaxDrawdownDuration = 0;
        m.AvgDrawdown = m.AvgDrawdownDuration = 0;
        return m;
    }
}
