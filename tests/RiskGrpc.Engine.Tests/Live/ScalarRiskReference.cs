using MathNet.Numerics.Distributions;

namespace RiskGrpc.Engine.Tests.Live;

/// <summary>
/// Straightforward two-pass scalar definitions of the live metrics (docs/metrics.md), written independently of
/// the engine's incremental code: what the streamed numbers must equal on the same window.
/// </summary>
internal static class ScalarRiskReference
{
    public static double Mean(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var v in x)
        {
            s += v;
        }

        return x.Length == 0 ? double.NaN : s / x.Length;
    }

    public static double SampleSd(ReadOnlySpan<double> x)
    {
        if (x.Length < 2)
        {
            return double.NaN;
        }

        var m = Mean(x);
        var s = 0.0;
        foreach (var v in x)
        {
            s += (v - m) * (v - m);
        }

        return Math.Sqrt(s / (x.Length - 1));
    }

    public static double CentralMoment(ReadOnlySpan<double> x, int k)
    {
        var m = Mean(x);
        var s = 0.0;
        foreach (var v in x)
        {
            s += Math.Pow(v - m, k);
        }

        return s / x.Length;
    }

    public static double Ratio(double a, double b) =>
        b == 0 && !double.IsNaN(a) ? (a == 0 ? double.NaN : a > 0 ? double.PositiveInfinity : double.NegativeInfinity) : a / b;

    public static double Volatility(ReadOnlySpan<double> r, double periods) => SampleSd(r) * Math.Sqrt(periods);

    public static double Sharpe(ReadOnlySpan<double> r, double periods, double rfp)
    {
        if (r.Length < 2)
        {
            return double.NaN;
        }

        var e = Excess(r, rfp);
        return Ratio(Mean(e), SampleSd(e)) * Math.Sqrt(periods);
    }

    public static double Sortino(ReadOnlySpan<double> r, double periods, double rfp)
    {
        if (r.Length < 1)
        {
            return double.NaN;
        }

        var e = Excess(r, rfp);
        var s = 0.0;
        foreach (var v in e)
        {
            var d = Math.Min(v, 0);
            s += d * d;
        }

        return Ratio(Mean(e) * Math.Sqrt(periods), Math.Sqrt(s / e.Length));
    }

    /// <summary>max drawdown and current drawdown: W_t = Π(1 + r), peak_t = max(1, max W_s), dd_t = W_t/peak_t − 1.</summary>
    public static (double Max, double Current) Drawdowns(ReadOnlySpan<double> r)
    {
        if (r.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        double wealth = 1, peak = 1, worst = 0, dd = 0;
        foreach (var v in r)
        {
            wealth *= 1 + v;
            peak = Math.Max(peak, wealth);
            dd = (wealth / peak) - 1;
            worst = Math.Min(worst, dd);
        }

        return (worst, dd);
    }

    /// <summary>Population cov(r, b)/var(b) over rows where b is not NaN.</summary>
    public static double Beta(ReadOnlySpan<double> r, ReadOnlySpan<double> b)
    {
        var rr = new List<double>();
        var bb = new List<double>();
        for (var i = 0; i < r.Length; i++)
        {
            if (!double.IsNaN(b[i]))
            {
                rr.Add(r[i]);
                bb.Add(b[i]);
            }
        }

        if (rr.Count < 2)
        {
            return double.NaN;
        }

        var mr = Mean(rr.ToArray());
        var mb = Mean(bb.ToArray());
        double cov = 0, var = 0;
        for (var i = 0; i < rr.Count; i++)
        {
            cov += (rr[i] - mr) * (bb[i] - mb);
            var += (bb[i] - mb) * (bb[i] - mb);
        }

        return Ratio(cov / rr.Count, var / rr.Count);
    }

    public static double Quantile(ReadOnlySpan<double> x, double p)
    {
        if (x.Length == 0)
        {
            return double.NaN;
        }

        var s = x.ToArray();
        Array.Sort(s);
        var h = (s.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, s.Length - 1);
        return s[lo] + ((h - lo) * (s[hi] - s[lo]));
    }

    public static (double VarHist, double CvarHist, double VarG, double CvarG, double VarCf, double Scale) Tail(ReadOnlySpan<double> r, double c)
    {
        var p = 1 - c;
        var n = r.Length;
        var sorted = r.ToArray();
        Array.Sort(sorted);
        var k = n == 0 ? 0 : (int)Math.Floor((n - 1) * p) + 1;
        var cvarHist = n == 0 ? double.NaN : Mean(sorted.AsSpan(0, k));
        var z = Normal.InvCDF(0, 1, p);
        var mean = Mean(r);
        var sd = SampleSd(r);
        var m2 = CentralMoment(r, 2);
        var skew = CentralMoment(r, 3) / Math.Pow(m2, 1.5);
        var kurt = (CentralMoment(r, 4) / (m2 * m2)) - 3;
        var zcf = z + ((z * z - 1) * skew / 6) + ((z * z * z - 3 * z) * kurt / 24) - ((2 * z * z * z - 5 * z) * skew * skew / 36);
        var varCf = mean + (sd * zcf);
        var scale = n < 2 ? 0 : Math.Abs(mean) + (sd * Math.Max(Math.Max(Math.Abs(z), Math.Abs(zcf)), Normal.PDF(0, 1, z) / p));
        return (Quantile(r, p), cvarHist, mean + (sd * z), mean - (sd * Normal.PDF(0, 1, z) / p), varCf, double.IsNaN(scale) ? 0 : scale);
    }

    private static double[] Excess(ReadOnlySpan<double> r, double rfp)
    {
        var e = new double[r.Length];
        for (var i = 0; i < r.Length; i++)
        {
            e[i] = r[i] - rfp;
        }

        return e;
    }
}
