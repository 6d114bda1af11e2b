namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Evaluates every <see cref="RiskMeasure"/> on a T × n matrix of scenario returns and a weight vector (a pure function,
/// reused by the optimizer's reports). Conventions are Riskfolio-Lib 7's <c>RiskFunctions</c>: ddof 1 for the (semi)
/// variance and SLPM, 1/T for MAD, FLPM and the drawdown averages, MAR = 0, historical CVaR at index ⌈αT⌉ − 1 of the
/// ascending returns, uncompounded drawdowns u₀ = 0, uₜ = max(uₜ₋₁ − xₜ, 0). NaN or ±∞ in the inputs throw
/// INVALID_ARGUMENT naming the field.
/// </summary>
public static class ScenarioRisk
{
    /// <summary>The default tail significance level α.</summary>
    public const double DefaultAlpha = 0.05;

    /// <summary>xₜ = Σⱼ returns[t, j]·wⱼ.</summary>
    public static double[] PortfolioReturns(double[,] returns, ReadOnlySpan<double> weights)
    {
        Validate(returns, weights);
        var (t, n) = (returns.GetLength(0), returns.GetLength(1));
        var x = new double[t];
        for (var s = 0; s < t; s++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += returns[s, j] * weights[j];
            }

            x[s] = sum;
        }

        return x;
    }

    /// <summary>The measure of the portfolio with <paramref name="weights"/> over the scenarios in <paramref name="returns"/>.</summary>
    public static double Evaluate(RiskMeasure measure, double[,] returns, ReadOnlySpan<double> weights, double alpha = DefaultAlpha) =>
        Evaluate(measure, PortfolioReturns(returns, weights), alpha);

    /// <summary>Every measure of the portfolio, in <see cref="RiskMeasureInfo.All"/> order.</summary>
    public static IReadOnlyDictionary<RiskMeasure, double> EvaluateAll(double[,] returns, ReadOnlySpan<double> weights, double alpha = DefaultAlpha)
    {
        var x = PortfolioReturns(returns, weights);
        var result = new Dictionary<RiskMeasure, double>();
        foreach (var m in RiskMeasureInfo.All)
        {
            result[m] = Evaluate(m, x, alpha);
        }

        return result;
    }

    /// <summary>The measure of the return series <paramref name="x"/> (T ≥ 2, finite).</summary>
    public static double Evaluate(RiskMeasure measure, ReadOnlySpan<double> x, double alpha = DefaultAlpha)
    {
        ValidateSeries(x, alpha);
        var t = x.Length;
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= t;
        switch (measure)
        {
            case RiskMeasure.Variance:
            case RiskMeasure.Volatility:
                var ss = 0.0;
                foreach (var v in x)
                {
                    ss += (v - mean) * (v - mean);
                }

                return measure == RiskMeasure.Variance ? ss / (t - 1) : Math.Sqrt(ss / (t - 1));
            case RiskMeasure.Mad:
                var abs = 0.0;
                foreach (var v in x)
                {
                    abs += Math.Abs(v - mean);
                }

                return abs / t;
            case RiskMeasure.SemiDeviation:
                return Math.Sqrt(SumOfPowers(x, mean, 2) / (t - 1));
            case RiskMeasure.FirstLowerPartialMoment:
                return SumOfPowers(x, 0, 1) / t;
            case RiskMeasure.SecondLowerPartialMoment:
                return Math.Sqrt(SumOfPowers(x, 0, 2) / (t - 1));
            case RiskMeasure.ConditionalValueAtRisk:
                return OwaWeights.Apply(OwaWeights.Cvar(t, alpha), x);
            case RiskMeasure.ConditionalValueAtRiskRange:
                return OwaWeights.Apply(OwaWeights.CvarRange(t, alpha), x);
            case RiskMeasure.WorstRealization:
                return -Min(x);
            case RiskMeasure.Range:
                return -Min(x) - Min(Negated(x));
            case RiskMeasure.GiniMeanDifference:
                return OwaWeights.Apply(OwaWeights.GiniMeanDifference(t), x);
            case RiskMeasure.TailGini:
                return OwaWeights.Apply(OwaWeights.TailGini(t, alpha), x);
            case RiskMeasure.EntropicValueAtRisk:
                return EntropicRisk.ValueAtRisk(x, alpha);
            default:
                return DrawdownMeasure(measure, Drawdowns(x), alpha);
        }
    }

    /// <summary>Uncompounded drawdowns u₁..u_T: u₀ = 0, uₜ = max(uₜ₋₁ − xₜ, 0) (the running peak of Σx minus Σx).</summary>
    public static double[] Drawdowns(ReadOnlySpan<double> x)
    {
        var u = new double[x.Length];
        var prev = 0.0;
        for (var t = 0; t < x.Length; t++)
        {
            prev = Math.Max(prev - x[t], 0);
            u[t] = prev;
        }

        return u;
    }

    private static double DrawdownMeasure(RiskMeasure measure, double[] u, double alpha)
    {
        var t = u.Length;
        switch (measure)
        {
            case RiskMeasure.MaxDrawdown:
                return u.Max();
            case RiskMeasure.AverageDrawdown:
                return u.Sum() / t;
            case RiskMeasure.UlcerIndex:
                return Math.Sqrt(u.Sum(v => v * v) / t);
            case RiskMeasure.ConditionalDrawdownAtRisk:
                return OwaWeights.Apply(OwaWeights.Cvar(t, alpha), Negated(u));
            case RiskMeasure.EntropicDrawdownAtRisk:
                return EntropicRisk.ValueAtRisk(Negated(u), alpha);
            default:
                throw Guard.Invalid($"unknown risk measure {measure}", "risk_measure");
        }
    }

    private static double SumOfPowers(ReadOnlySpan<double> x, double target, int power)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            var d = Math.Max(target - v, 0);
            sum += power == 1 ? d : d * d;
        }

        return sum;
    }

    private static double Min(ReadOnlySpan<double> x)
    {
        var min = double.PositiveInfinity;
        foreach (var v in x)
        {
            min = Math.Min(min, v);
        }

        return min;
    }

    private static double[] Negated(ReadOnlySpan<double> x)
    {
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = -x[i];
        }

        return y;
    }

    private static void ValidateSeries(ReadOnlySpan<double> x, double alpha)
    {
        if (x.Length < 2)
        {
            throw Guard.Invalid($"risk measures need at least two scenarios, got {x.Length}", "returns");
        }

        if (!(alpha > 0 && alpha < 1))
        {
            throw Guard.Invalid($"alpha must lie in (0, 1), got {alpha}", "alpha");
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                throw Guard.Invalid($"scenario {i} is not finite", "returns");
            }
        }
    }

    private static void Validate(double[,] returns, ReadOnlySpan<double> weights)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.GetLength(1) != weights.Length)
        {
            throw Guard.Invalid($"weights have {weights.Length} entries, the scenarios {returns.GetLength(1)} assets", "weights");
        }

        Guard.Length(weights, weights.Length, "weights");
        foreach (var v in returns)
        {
            if (!double.IsFinite(v))
            {
                throw Guard.Invalid("scenario returns must be finite (no missing values)", "returns");
            }
        }
    }
}
