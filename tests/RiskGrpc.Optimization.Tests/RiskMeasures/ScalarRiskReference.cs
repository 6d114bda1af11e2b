using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

/// <summary>
/// Plain, independent re-statements of Riskfolio-Lib's <c>RiskFunctions</c> (loops over the definitions, no OWA algebra):
/// pairwise Gini, CVaR as VaR plus the mean excess, drawdowns as the running peak of the cumulative sum starting at 0,
/// EVaR by a dense scan of ln z refined by ternary search.
/// </summary>
internal static class ScalarRiskReference
{
    public static double Evaluate(RiskMeasure m, double[] x, double alpha)
    {
        var t = x.Length;
        var mean = x.Average();
        var sorted = x.Order().ToArray();
        switch (m)
        {
            case RiskMeasure.Variance: return x.Sum(v => (v - mean) * (v - mean)) / (t - 1);
            case RiskMeasure.Volatility: return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (t - 1));
            case RiskMeasure.Mad: return x.Sum(v => Math.Abs(v - mean)) / t;
            case RiskMeasure.SemiDeviation: return Math.Sqrt(x.Where(v => v <= mean).Sum(v => (mean - v) * (mean - v)) / (t - 1));
            case RiskMeasure.FirstLowerPartialMoment: return x.Where(v => v < 0).Sum(v => -v) / t;
            case RiskMeasure.SecondLowerPartialMoment: return Math.Sqrt(x.Where(v => v < 0).Sum(v => v * v) / (t - 1));
            case RiskMeasure.ConditionalValueAtRisk: return Cvar(sorted, alpha);
            case RiskMeasure.ConditionalValueAtRiskRange: return Cvar(sorted, alpha) + MeanOfBest(sorted, alpha);
            case RiskMeasure.WorstRealization: return -sorted[0];
            case RiskMeasure.Range: return sorted[^1] - sorted[0];
            case RiskMeasure.GiniMeanDifference:
                var pairs = 0.0;
                for (var i = 0; i < t; i++)
                {
                    for (var j = i + 1; j < t; j++)
                    {
                        pairs += Math.Abs(x[i] - x[j]);
                    }
                }

                return 2 * pairs / (t * (t - 1.0));
            case RiskMeasure.TailGini: return TailGini(sorted, alpha);
            case RiskMeasure.EntropicValueAtRisk: return Evar(x, alpha);
            default:
                var dd = Drawdowns(x);
                return m switch
                {
                    RiskMeasure.MaxDrawdown => dd.Max(),
                    RiskMeasure.AverageDrawdown => dd.Average(),
                    RiskMeasure.UlcerIndex => Math.Sqrt(dd.Sum(v => v * v) / t),
                    RiskMeasure.ConditionalDrawdownAtRisk => Cvar(dd.Select(v => -v).Order().ToArray(), alpha),
                    RiskMeasure.EntropicDrawdownAtRisk => Evar(dd.Select(v => -v).ToArray(), alpha),
                    _ => throw new ArgumentOutOfRangeException(nameof(m)),
                };
        }
    }

    /// <summary>Peak of the cumulative sum (starting at 0, as Riskfolio's NAV starting at 1) minus the cumulative sum.</summary>
    public static double[] Drawdowns(double[] x)
    {
        var dd = new double[x.Length];
        double cum = 0, peak = 0;
        for (var i = 0; i < x.Length; i++)
        {
            cum += x[i];
            peak = Math.Max(peak, cum);
            dd[i] = peak - cum;
        }

        return dd;
    }

    /// <summary>Riskfolio's CVaR_Hist: VaR = −x₍ₖ₎ with k = ⌈αT⌉ − 1, plus Σᵢ≤ₖ (x₍ₖ₎ − x₍ᵢ₎)/(αT).</summary>
    public static double Cvar(double[] sorted, double alpha)
    {
        var t = sorted.Length;
        var k = (int)Math.Ceiling(alpha * t) - 1;
        var excess = 0.0;
        for (var i = 0; i <= k; i++)
        {
            excess += sorted[i] - sorted[k];
        }

        return -sorted[k] - (excess / (alpha * t));
    }

    private static double MeanOfBest(double[] sorted, double alpha) => Cvar(sorted.Select(v => -v).Order().ToArray(), alpha);

    private static double TailGini(double[] sorted, double alpha)
    {
        const int levels = 100;
        var a = Enumerable.Range(0, levels).Select(i => alpha + (i * ((0.0001 - alpha) / (levels - 1)))).Reverse().ToArray();
        a[0] = 0.0001;
        var last = a[^1];
        var sum = a[1] * a[0] / (last * last) * Cvar(sorted, a[0]);
        for (var i = 1; i < levels - 1; i++)
        {
            sum += (a[i + 1] - a[i - 1]) * a[i] / (last * last) * Cvar(sorted, a[i]);
        }

        return sum + ((last - a[^2]) / last * Cvar(sorted, last));
    }

    private static double Evar(double[] x, double alpha)
    {
        double F(double z) => z * (Math.Log(x.Average(v => Math.Exp(-v / z))) - Math.Log(alpha));
        var best = -x.Min();
        var bestS = double.NaN;
        for (var s = -25.0; s <= 5; s += 0.01)
        {
            var f = F(Math.Exp(s));
            if (double.IsFinite(f) && f < best)
            {
                (best, bestS) = (f, s);
            }
        }

        if (double.IsNaN(bestS))
        {
            return best;
        }

        double lo = bestS - 0.01, hi = bestS + 0.01;
        for (var i = 0; i < 200; i++)
        {
            var m1 = lo + ((hi - lo) / 3);
            var m2 = hi - ((hi - lo) / 3);
            if (F(Math.Exp(m1)) < F(Math.Exp(m2)))
            {
                hi = m2;
            }
            else
            {
                lo = m1;
            }
        }

        return Math.Min(best, F(Math.Exp((lo + hi) / 2)));
    }
}
