namespace RiskGrpc.Kernel.Tests.Relative;

/// <summary>
/// The benchmark-relative catalogue (docs/metrics.md) written as plainly as possible: one loop per quantity, the
/// definitions as empyrical / QuantStats state them, no vectorisation, no scratch. The kernel is checked against it.
/// </summary>
/// <remarks>
/// Means follow exact arithmetic for constant series (the mean of n copies of c is c, so the spread is exactly 0);
/// a plain sum / n can round away from c and turn "zero spread" into rounding noise.
/// </remarks>
internal static class ScalarRelativeReference
{
    public static RelativeMetrics Compute(double[] r, double[] b, MetricParameters p)
    {
        var n = r.Length;
        var a = p.PeriodsPerYear;
        var rfp = p.RiskFreePerPeriod;
        var active = new double[n];
        for (var i = 0; i < n; i++)
        {
            active[i] = r[i] - b[i];
        }

        var (alpha, beta) = AlphaBeta(r, b, rfp, a);
        var up = Select(r, b, x => x > 0);
        var down = Select(r, b, x => x < 0);
        var (upAlpha, upBeta) = AlphaBeta(up.R, up.B, rfp, a);
        var (downAlpha, downBeta) = AlphaBeta(down.R, down.B, rfp, a);
        var upCapture = Cagr(up.R, a) / Cagr(up.B, a);
        var downCapture = Cagr(down.R, a) / Cagr(down.B, a);
        var correlation = Correlation(r, b);
        var sdActive = SampleSd(active);

        return new RelativeMetrics
        {
            Beta = beta,
            Alpha = alpha,
            AlphaLinear = (Mean(r) - (beta * Mean(b))) * a,
            InformationRatio = Mean(active) / sdActive,
            TrackingError = sdActive * Math.Sqrt(a),
            Correlation = correlation,
            RSquared = correlation * correlation,
            TreynorRatio = (Wealth(r) - 1 - p.RiskFreeRate) / beta,
            Capture = Cagr(r, a) / Cagr(b, a),
            UpCapture = upCapture,
            DownCapture = downCapture,
            UpDownCapture = upCapture / downCapture,
            UpAlpha = upAlpha,
            UpBeta = upBeta,
            DownAlpha = downAlpha,
            DownBeta = downBeta,
            BattingAverage = WinShare(r, b, _ => true),
            BattingAverageUp = WinShare(r, b, x => x >= 0),
            BattingAverageDown = WinShare(r, b, x => x < 0),
            BetaFragilityHeuristic = Fragility(r, b),
        };
    }

    public static double Mean(double[] x)
    {
        if (x.Length == 0)
        {
            return double.NaN;
        }

        if (x.All(v => v == x[0]))
        {
            return x[0];
        }

        var s = 0.0;
        foreach (var v in x)
        {
            s += v;
        }

        return s / x.Length;
    }

    /// <summary>Sample standard deviation; NaN for fewer than 2 values (the catalogue's n &lt; 2 rule).</summary>
    public static double SampleSd(double[] x)
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

    /// <summary>Population covariance (÷ n).</summary>
    public static double Cov(double[] x, double[] y)
    {
        var mx = Mean(x);
        var my = Mean(y);
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            s += (x[i] - mx) * (y[i] - my);
        }

        return s / x.Length;
    }

    /// <summary>empyrical beta_aligned: NaN for n &lt; 2 or var(b) &lt; 1e-30.</summary>
    public static double Beta(double[] r, double[] b)
    {
        var varB = Cov(b, b);
        return r.Length < 2 || !(varB >= 1e-30) ? double.NaN : Cov(r, b) / varB;
    }

    public static double Wealth(double[] x)
    {
        var w = 1.0;
        foreach (var v in x)
        {
            w *= 1 + v;
        }

        return w;
    }

    /// <summary>empyrical annual_return: W^(1 / (n / A)) − 1, NaN when empty.</summary>
    public static double Cagr(double[] x, double a) => x.Length == 0 ? double.NaN : Math.Pow(Wealth(x), 1 / (x.Length / a)) - 1;

    private static (double Alpha, double Beta) AlphaBeta(double[] r, double[] b, double rfp, double a)
    {
        var beta = Beta(r, b);
        if (r.Length < 2)
        {
            return (double.NaN, beta);
        }

        var excess = new double[r.Length];
        for (var i = 0; i < r.Length; i++)
        {
            excess[i] = (r[i] - rfp) - (beta * (b[i] - rfp));
        }

        return (Math.Pow(1 + Mean(excess), a) - 1, beta);
    }

    private static double Correlation(double[] r, double[] b)
    {
        var c = Cov(r, b) / Math.Sqrt(Cov(r, r) * Cov(b, b));
        return double.IsNaN(c) ? c : Math.Clamp(c, -1, 1);
    }

    private static (double[] R, double[] B) Select(double[] r, double[] b, Func<double, bool> keep)
    {
        var idx = Enumerable.Range(0, r.Length).Where(i => keep(b[i])).ToArray();
        return (idx.Select(i => r[i]).ToArray(), idx.Select(i => b[i]).ToArray());
    }

    private static double WinShare(double[] r, double[] b, Func<double, bool> keep)
    {
        int rows = 0, wins = 0;
        for (var i = 0; i < r.Length; i++)
        {
            if (keep(b[i]))
            {
                rows++;
                wins += r[i] - b[i] > 0 ? 1 : 0;
            }
        }

        return rows == 0 ? double.NaN : (double)wins / rows;
    }

    /// <summary>empyrical beta_fragility_heuristic_aligned with a stable sort by benchmark.</summary>
    private static double Fragility(double[] r, double[] b)
    {
        if (r.Length < 3)
        {
            return double.NaN;
        }

        var pairs = Enumerable.Range(0, r.Length).Select(i => (R: r[i], B: b[i])).OrderBy(x => x.B).ToArray();
        var mid = (int)Math.Round(pairs.Length / 2.0, MidpointRounding.ToEven);
        var (s, m, e) = (pairs[0], pairs[mid], pairs[^1]);
        var range = e.B - s.B;
        double ws = 0.5, we = 0.5;
        if (range != 0)
        {
            ws = (m.B - s.B) / range;
            we = (e.B - m.B) / range;
        }

        return (ws * s.R) + (we * e.R) - m.R;
    }
}
