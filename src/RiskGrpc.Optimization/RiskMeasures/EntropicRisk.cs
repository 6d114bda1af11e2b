namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Entropic value at risk of a return series: EVaRα(x) = inf_{z&gt;0} z·(ln((1/T)Σ exp(−xₜ/z)) − ln α). The objective is
/// convex in z (a perspective of log-sum-exp), so a golden-section search on ln z finds the infimum; z → 0 gives the
/// worst loss, which bounds EVaR from above and is taken when the infimum is approached there.
/// </summary>
internal static class EntropicRisk
{
    private const int Iterations = 200;

    /// <summary>EVaR at significance <paramref name="alpha"/> of <paramref name="x"/> (T ≥ 1, finite).</summary>
    public static double ValueAtRisk(ReadOnlySpan<double> x, double alpha)
    {
        var worst = double.NegativeInfinity;
        var mean = 0.0;
        foreach (var v in x)
        {
            worst = Math.Max(worst, -v);
            mean += v;
        }

        mean /= x.Length;
        var spread = 0.0;
        foreach (var v in x)
        {
            spread = Math.Max(spread, Math.Abs(v - mean));
        }

        if (spread == 0)
        {
            return worst;
        }

        // The minimiser lies within a few decades of the spread (z* ≈ σ/√(2 ln(1/α)) for Gaussian data).
        var lo = Math.Log(spread * 1e-8);
        var hi = Math.Log(spread * 1e6);
        var invPhi = (Math.Sqrt(5) - 1) / 2;
        var a = hi - (invPhi * (hi - lo));
        var b = lo + (invPhi * (hi - lo));
        var fa = Objective(x, Math.Exp(a), worst, alpha);
        var fb = Objective(x, Math.Exp(b), worst, alpha);
        for (var i = 0; i < Iterations && hi - lo > 1e-13; i++)
        {
            if (fa <= fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - (invPhi * (hi - lo));
                fa = Objective(x, Math.Exp(a), worst, alpha);
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + (invPhi * (hi - lo));
                fb = Objective(x, Math.Exp(b), worst, alpha);
            }
        }

        return Math.Min(worst, Math.Min(fa, fb));
    }

    /// <summary>z·(ln mean exp(−x/z) − ln α), computed as worst + z·(ln mean exp((−x − worst)/z) − ln α) to avoid overflow.</summary>
    private static double Objective(ReadOnlySpan<double> x, double z, double worst, double alpha)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += Math.Exp((-v - worst) / z);
        }

        return worst + (z * (Math.Log(sum / x.Length) - Math.Log(alpha)));
    }
}
