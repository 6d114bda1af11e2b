namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Constraint generation for the CVaR and CDaR LPs. Both are ζ + Σₜ zₜ/(αT) with zₜ ≥ Lₜ(w) − ζ, zₜ ≥ 0, where the loss
/// Lₜ is −rₜᵀw (CVaR) or the drawdown maxₛ≤ₜ (Cₛ − Cₜ)ᵀw with Cₜ the cumulative returns and C₀ = 0 (CDaR, one linear
/// piece per peak s). Only the pieces (s, t) in <see cref="Pieces"/> are in the model: a relaxation, so its optimum is
/// the full problem's once no omitted piece exceeds ζ + zₜ. Only about αT scenarios are in the tail, so the LP stays
/// ~3αT rows instead of T (CVaR) or T·(drawdown chain) (CDaR).
/// </summary>
internal sealed class TailCuts
{
    private readonly double[,] _r;
    private readonly bool _drawdown;

    /// <summary>Cumulative returns Cₜ = Σ_{u≤t} rᵤ (drawdowns only), so a piece costs O(n) however long its drawdown.</summary>
    private readonly double[,]? _cumulative;

    /// <summary>Starts from the tail of the equal-weight portfolio (3⌈αT⌉ losses).</summary>
    public TailCuts(double[,] returns, RiskMeasure measure, double alpha)
    {
        _r = returns;
        _drawdown = measure == RiskMeasure.ConditionalDrawdownAtRisk;
        var n = returns.GetLength(1);
        if (_drawdown)
        {
            _cumulative = new double[returns.GetLength(0), n];
            for (var t = 0; t < returns.GetLength(0); t++)
            {
                for (var j = 0; j < n; j++)
                {
                    _cumulative[t, j] = returns[t, j] + (t > 0 ? _cumulative[t - 1, j] : 0);
                }
            }
        }

        var (losses, peaks) = Losses(Enumerable.Repeat(1.0 / n, n).ToArray());
        var k = Math.Min(losses.Length, 3 * (int)Math.Ceiling(alpha * losses.Length));
        foreach (var t in Enumerable.Range(0, losses.Length).OrderByDescending(t => losses[t]).Take(k))
        {
            Pieces.Add((peaks[t], t));
        }
    }

    /// <summary>The pieces (s, t) in the model; s = −1 for the CVaR loss of scenario t.</summary>
    public SortedSet<(int Peak, int Scenario)> Pieces { get; } = [];

    /// <summary>True when the measure is solved with cuts.</summary>
    public static bool Applies(RiskMeasure measure) => measure is RiskMeasure.ConditionalValueAtRisk or RiskMeasure.ConditionalDrawdownAtRisk;

    /// <summary>The loss piece (s, t) as coefficients on the weights.</summary>
    public double[] Coefficients(int peak, int scenario)
    {
        var n = _r.GetLength(1);
        var a = new double[n];
        for (var j = 0; j < n; j++)
        {
            // CVaR: −rₜ. Drawdown: Cₛ − Cₜ (s = −1 is the start, C = 0).
            a[j] = _cumulative is null ? -_r[scenario, j] : (peak >= 0 ? _cumulative[peak, j] : 0) - _cumulative[scenario, j];
        }

        return a;
    }

    /// <summary>
    /// Adds the violated pieces (loss above ζ + zₜ), the most violated first and at most ⌈αT⌉ per round: a relaxed ζ sits
    /// below the true VaR, so most omitted scenarios look violated although only the tail will bind. Returns the added pieces.
    /// </summary>
    public List<(int Peak, int Scenario)> AddViolated(double[] y, double zeta, Func<int, double> slackOf, double alpha)
    {
        var (losses, peaks) = Losses(y);
        var scale = 1 + losses.Max(Math.Abs);
        var violated = Enumerable.Range(0, losses.Length)
            .Select(t => (T: t, Excess: losses[t] - zeta - slackOf(t)))
            .Where(v => v.Excess > 1e-10 * scale && !Pieces.Contains((peaks[v.T], v.T)))
            .OrderByDescending(v => v.Excess)
            .Take(Math.Max(10, (int)Math.Ceiling(alpha * losses.Length)))
            .Select(v => (peaks[v.T], v.T))
            .ToList();
        Pieces.UnionWith(violated);
        return violated;
    }

    /// <summary>Lₜ(y) and, for drawdowns, the peak index s of each (−1 = the start).</summary>
    private (double[] Losses, int[] Peaks) Losses(double[] y)
    {
        var (t, n) = (_r.GetLength(0), _r.GetLength(1));
        var losses = new double[t];
        var peaks = new int[t];
        double cum = 0, peak = 0;
        var peakAt = -1;
        for (var s = 0; s < t; s++)
        {
            var x = 0.0;
            for (var j = 0; j < n; j++)
            {
                x += _r[s, j] * y[j];
            }

            if (!_drawdown)
            {
                (losses[s], peaks[s]) = (-x, -1);
                continue;
            }

            cum += x;
            (losses[s], peaks[s]) = (peak - cum, peakAt);
            if (cum > peak)
            {
                (peak, peakAt) = (cum, s);
                (losses[s], peaks[s]) = (0, s);
            }
        }

        return (losses, peaks);
    }
}
