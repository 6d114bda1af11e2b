using MathNet.Numerics.Distributions;
using RiskGrpc.Kernel;

namespace RiskGrpc.Benchmarks.Kernel;

/// <summary>
/// The benchmark baseline: the catalogue computed the way a straightforward port of empyrical/QuantStats would — one
/// scalar loop per metric family, a full sort for the quantiles, Math.Pow per term — over preallocated buffers, so the
/// ratio measures the algorithm and vectorisation rather than allocation.
/// </summary>
internal static class NaiveReturnMetrics
{
    public static void Compute(double[] r, double c, double[] sorted, double[] dd, double[] logWealth, out ReturnMetrics m, out TailRiskMetrics tail)
    {
        const double A = 252;
        var n = r.Length;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += r[i];
        }

        var mean = sum / n;
        double c2 = 0, c3 = 0, c4 = 0;
        for (var i = 0; i < n; i++)
        {
            var d = r[i] - mean;
            c2 += Math.Pow(d, 2);
            c3 += Math.Pow(d, 3);
            c4 += Math.Pow(d, 4);
        }

        var sd = Math.Sqrt(c2 / (n - 1));
        var m2 = c2 / n;
        var g1 = c3 / n / Math.Pow(m2, 1.5);
        var g2 = (c4 / n / (m2 * m2)) - 3;

        double downSq = 0, gain = 0, loss = 0, posSum = 0, negSum = 0;
        int wins = 0, losses = 0;
        for (var i = 0; i < n; i++)
        {
            var x = r[i];
            downSq += Math.Pow(Math.Min(x, 0), 2);
            gain += Math.Max(x, 0);
            loss += Math.Max(-x, 0);
            if (x > 0)
            {
                wins++;
                posSum += x;
            }
            else if (x < 0)
            {
                losses++;
                negSum += x;
            }
        }

        double w = 1, peak = 1, maxDd = 0, ddSq = 0;
        for (var t = 0; t < n; t++)
        {
            w *= 1 + r[t];
            peak = Math.Max(peak, w);
            dd[t] = (w / peak) - 1;
            maxDd = Math.Min(maxDd, dd[t]);
            ddSq += dd[t] * dd[t];
        }

        double acc = 0, ybar = 0;
        for (var t = 0; t < n; t++)
        {
            acc += Math.Log(1 + r[t]);
            logWealth[t] = acc;
            ybar += acc / n;
        }

        double sxy = 0, sxx = 0, syy = 0;
        for (var t = 0; t < n; t++)
        {
            var dt = t - ((n - 1) / 2.0);
            sxy += dt * (logWealth[t] - ybar);
            sxx += dt * dt;
            syy += (logWealth[t] - ybar) * (logWealth[t] - ybar);
        }

        double ma = 0, mb = 0;
        for (var i = 0; i < n - 1; i++)
        {
            ma += r[i] / (n - 1);
            mb += r[i + 1] / (n - 1);
        }

        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n - 1; i++)
        {
            sab += (r[i] - ma) * (r[i + 1] - mb);
            saa += (r[i] - ma) * (r[i] - ma);
            sbb += (r[i + 1] - mb) * (r[i + 1] - mb);
        }

        var rho = Math.Abs(sab / Math.Sqrt(saa * sbb));
        double penaltySum = 0;
        for (var k = 1; k < n; k++)
        {
            penaltySum += (double)(n - k) / n * Math.Pow(rho, k);
        }

        var penalty = Math.Sqrt(1 + (2 * penaltySum));

        Array.Copy(r, sorted, n);
        Array.Sort(sorted);
        var q01 = Quantile(sorted, 0.01);
        var q05 = Quantile(sorted, 0.05);
        var q95 = Quantile(sorted, 0.95);
        var q99 = Quantile(sorted, 0.99);
        var k5 = (int)Math.Floor((n - 1) * (1 - c)) + 1;
        double cvarSum = 0;
        for (var i = 0; i < k5; i++)
        {
            cvarSum += sorted[i];
        }

        var z = Normal.InvCDF(0, 1, 1 - c);
        var varG = mean + (sd * z);
        double belowSum = 0;
        var below = 0;
        for (var i = 0; i < n; i++)
        {
            if (r[i] < varG)
            {
                belowSum += r[i];
                below++;
            }
        }

        double ddMean = 0;
        for (var t = 0; t < n; t++)
        {
            ddMean += dd[t] / n;
        }

        double ddVar = 0;
        for (var t = 0; t < n; t++)
        {
            ddVar += (dd[t] - ddMean) * (dd[t] - ddMean) / (n - 1);
        }

        var ddVarG = ddMean + (Math.Sqrt(ddVar) * Normal.InvCDF(0, 1, 0.05));
        double ddBelow = 0;
        var ddCount = 0;
        for (var t = 0; t < n; t++)
        {
            if (dd[t] < ddVarG)
            {
                ddBelow += dd[t];
                ddCount++;
            }
        }

        var sharpe = mean / sd * Math.Sqrt(A);
        var sortino = mean * Math.Sqrt(A) / Math.Sqrt(downSq / n);
        var cagr = Math.Pow(w, A / n) - 1;
        var ulcer = Math.Sqrt(ddSq / (n - 1));
        var winRate = (double)wins / (wins + losses);
        var avgWin = posSum / wins;
        var avgLoss = negSum / losses;
        var payoff = avgWin / Math.Abs(avgLoss);
        var profitFactor = posSum / Math.Abs(negSum);
        var tailRatio = Math.Abs(q95) / Math.Abs(q05);
        var sr = mean / sd;
        m = new ReturnMetrics
        {
            TotalReturn = w - 1,
            Cagr = cagr,
            Volatility = sd * Math.Sqrt(A),
            Sharpe = sharpe,
            AutocorrPenalty = penalty,
            SmartSharpe = sharpe / penalty,
            DownsideRisk = Math.Sqrt(downSq / n) * Math.Sqrt(A),
            Sortino = sortino,
            SmartSortino = sortino / penalty,
            AdjustedSortino = sortino / Math.Sqrt(2),
            MaxDrawdown = maxDd,
            Calmar = cagr / Math.Abs(maxDd),
            Omega = gain / loss,
            Stability = sxy * sxy / (sxx * syy),
            TailRatio = tailRatio,
            Skew = g1 * Math.Sqrt((double)n * (n - 1)) / (n - 2),
            SkewBiased = g1,
            Kurtosis = (((n + 1) * g2) + 6) * (n - 1) / ((double)(n - 2) * (n - 3)),
            KurtosisBiased = g2,
            UlcerIndex = ulcer,
            UlcerPerformanceIndex = (w - 1) / ulcer,
            SerenityIndex = sum / (ulcer * (-(ddCount > 0 ? ddBelow / ddCount : ddVarG) / sd)),
            RecoveryFactor = Math.Abs(sum) / Math.Abs(maxDd),
            WinRate = winRate,
            AvgWin = avgWin,
            AvgLoss = avgLoss,
            AvgReturn = (posSum + negSum) / (wins + losses),
            PayoffRatio = payoff,
            ProfitFactor = profitFactor,
            ProfitRatio = posSum / (n - losses) / (n - losses) / (Math.Abs(avgLoss) / losses),
            GainToPainRatio = sum / Math.Abs(negSum),
            KellyCriterion = ((payoff * winRate) - (1 - winRate)) / payoff,
            RiskOfRuin = Math.Pow((1 - winRate) / (1 + winRate), n),
            CpcIndex = profitFactor * winRate * payoff,
            CommonSenseRatio = profitFactor * tailRatio,
            CommonSenseRatioPyfolio = tailRatio * (1 + cagr),
            OutlierWinRatio = q99 / (posSum / (n - losses)),
            OutlierLossRatio = q01 / avgLoss,
            ExpectedReturn = Math.Pow(w, 1.0 / n) - 1,
            Exposure = Math.Ceiling((double)(wins + losses) / n * 100) / 100,
            Rar = cagr / (Math.Ceiling((double)(wins + losses) / n * 100) / 100),
            RiskReturnRatio = mean / sd,
            Best = sorted[n - 1],
            Worst = sorted[0],
            ProbabilisticSharpeRatio = Normal.CDF(0, 1, sr * Math.Sqrt(n - 1) / Math.Sqrt(1 - (g1 * sr) + ((g2 + 2) / 4 * sr * sr))),
            Mean = mean,
            Stdev = sd,
        };

        tail = new TailRiskMetrics
        {
            Confidence = c,
            VarHistorical = Quantile(sorted, 1 - c),
            CvarHistorical = cvarSum / k5,
            VarGaussian = varG,
            CvarGaussian = mean - (sd * Normal.PDF(0, 1, z) / (1 - c)),
            CvarQuantstats = below > 0 ? belowSum / below : varG,
        };
    }

    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (h - lo));
    }
}
