namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Ordered-weighted-average weights θ (applied to the returns sorted ascending: ρ = Σθᵢx₍ᵢ₎), as Riskfolio-Lib's
/// <c>OwaWeights</c> defines them. All are non-decreasing in i, so ρ is convex in the weights of the portfolio.
/// </summary>
internal static class OwaWeights
{
    /// <summary>Tail Gini uses this many CVaR levels, Riskfolio's <c>a_sim</c> default.</summary>
    public const int TailGiniLevels = 100;

    /// <summary>Gini mean difference: θᵢ = 2(2i − 1 − T)/(T(T − 1)).</summary>
    public static double[] GiniMeanDifference(int t)
    {
        var w = new double[t];
        for (var i = 1; i <= t; i++)
        {
            w[i - 1] = 2.0 * ((2 * i) - 1 - t) / (t * (t - 1.0));
        }

        return w;
    }

    /// <summary>CVaR: −1/(Tα) on the k = ⌈Tα⌉ − 1 worst, −1 + k/(Tα) on the next, 0 elsewhere.</summary>
    public static double[] Cvar(int t, double alpha)
    {
        var w = new double[t];
        AddCvar(w, alpha, 1.0);
        return w;
    }

    /// <summary>Tail Gini: Σⱼ cⱼ·CVaR(αⱼ) over 100 levels αⱼ = linspace(0.0001, α), Riskfolio's <c>owa_tg</c> coefficients.</summary>
    public static double[] TailGini(int t, double alpha)
    {
        var levels = new double[TailGiniLevels];
        for (var j = 0; j < TailGiniLevels; j++)
        {
            // np.linspace(alpha, 0.0001, a_sim)[::-1]: the same grid, ascending.
            var k = TailGiniLevels - 1 - j;
            levels[j] = k == TailGiniLevels - 1 ? 0.0001 : alpha + (k * ((0.0001 - alpha) / (TailGiniLevels - 1)));
        }

        var last = levels[^1];
        var w = new double[t];
        AddCvar(w, levels[0], levels[1] * levels[0] / (last * last));
        for (var j = 1; j < TailGiniLevels - 1; j++)
        {
            AddCvar(w, levels[j], (levels[j + 1] - levels[j - 1]) * levels[j] / (last * last));
        }

        AddCvar(w, last, (last - levels[^2]) / last);
        return w;
    }

    /// <summary>CVaR range: CVaR weights minus the same weights reversed (the CVaR of gains).</summary>
    public static double[] CvarRange(int t, double alpha)
    {
        var cvar = Cvar(t, alpha);
        var w = new double[t];
        for (var i = 0; i < t; i++)
        {
            w[i] = cvar[i] - cvar[t - 1 - i];
        }

        return w;
    }

    /// <summary>Σθᵢx₍ᵢ₎ of <paramref name="values"/> sorted ascending (a sorted copy is made).</summary>
    public static double Apply(ReadOnlySpan<double> weights, ReadOnlySpan<double> values)
    {
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var sum = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            sum += weights[i] * sorted[i];
        }

        return sum;
    }

    private static void AddCvar(double[] w, double alpha, double scale)
    {
        var t = w.Length;
        var k = (int)Math.Ceiling(t * alpha) - 1;
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            var v = -1 / (t * alpha);
            w[i] += scale * v;
            sum += v;
        }

        w[k] += scale * (-1 - sum);
    }
}
