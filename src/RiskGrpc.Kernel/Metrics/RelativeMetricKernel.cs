using System.Numerics.Tensors;

namespace RiskGrpc.Kernel;

/// <summary>
/// Benchmark-relative metrics of returns r against benchmark b (same length, finite, rows already aligned: the caller
/// has applied the NaN policy, e.g. SKIP drops rows where either side is missing). Pure and allocation-free: the caller
/// supplies scratch of at least <see cref="ScratchLength"/> doubles.
/// </summary>
/// <remarks>
/// Conventions (docs/metrics.md): A = periods per year, rf the annual risk-free rate, rf_p = (1 + rf)^(1/A) − 1, and
/// moments are population (÷ n) except the standard deviation of r − b, which is the sample one (÷ (n − 1)).
/// Degenerate data never throws: empty input gives NaN everywhere; a zero denominator gives ±Infinity for a non-zero
/// numerator and NaN for a zero one; beta (and everything built on it) is NaN when n &lt; 2 or var(b) &lt; 1e-30
/// (empyrical's rule); up/down metrics are NaN when there are no up (b &gt; 0) or down (b &lt; 0) rows.
/// Non-finite inputs are not checked here; they propagate as NaN. Two library quirks are deliberately not copied, in
/// favour of the catalogue's zero-denominator rule: scipy's linregress (behind quantstats.r_squared) reports r = 0 for
/// a constant series, and quantstats.treynor_ratio returns 0 when beta is exactly 0; here both are NaN/±Infinity.
/// </remarks>
public static class RelativeMetricKernel
{
    /// <summary>
    /// Scratch doubles <see cref="Compute"/> needs for series of length <paramref name="length"/>: 2·length (a centred
    /// or gathered copy of each series).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static int ScratchLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return 2 * length;
    }

    /// <summary>
    /// Computes every benchmark-relative metric of the catalogue into <paramref name="metrics"/>:
    /// <list type="bullet">
    /// <item>beta = cov(r, b) / var(b); correlation, r_squared = correlation² (clamped to [−1, 1]; NaN when either side is constant).</item>
    /// <item>alpha = (1 + mean(e − beta·(b − rf_p)))^A − 1, e = r − rf_p (empyrical); alpha_linear = (mean r − beta·mean b)·A (QuantStats).</item>
    /// <item>information_ratio = mean(r − b) / sd(r − b) (not annualised); tracking_error = sd(r − b)·√A.</item>
    /// <item>treynor_ratio = (Π(1 + r) − 1 − rf) / beta, with the annual rf, as QuantStats does.</item>
    /// <item>capture = cagr(r) / cagr(b), cagr = W^(A/rows) − 1; up/down capture, alpha and beta over rows with b &gt; 0 / b &lt; 0.</item>
    /// <item>batting averages: share of rows with r − b &gt; 0 over all rows, rows with b ≥ 0 and rows with b &lt; 0 (NaN when there are none).</item>
    /// <item>beta_fragility_heuristic as empyrical defines it (NaN for fewer than 3 rows).</item>
    /// </list>
    /// </summary>
    /// <param name="returns">Simple periodic returns r.</param>
    /// <param name="benchmark">Benchmark returns b, row-aligned with <paramref name="returns"/>.</param>
    /// <param name="parameters">A and rf.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/>(n) doubles, not overlapping the inputs; contents are overwritten.</param>
    /// <param name="metrics">The result.</param>
    /// <exception cref="ArgumentException">Lengths differ, scratch too short, or scratch overlaps an input.</exception>
    public static void Compute(
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> benchmark,
        in MetricParameters parameters,
        Span<double> scratch,
        out RelativeMetrics metrics)
    {
        if (returns.Length != benchmark.Length)
        {
            SeriesArgumentErrors.LengthMismatch(nameof(benchmark), returns.Length, benchmark.Length);
        }

        var n = returns.Length;
        if (scratch.Length < ScratchLength(n))
        {
            SeriesArgumentErrors.TooShort(nameof(scratch), ScratchLength(n), scratch.Length);
        }

        if (scratch.Overlaps(returns) || scratch.Overlaps(benchmark))
        {
            SeriesArgumentErrors.Overlap(nameof(scratch));
        }

        var a = parameters.PeriodsPerYear;
        var rfp = parameters.RiskFreePerPeriod;
        var first = scratch[..n];
        var second = scratch.Slice(n, n);
        metrics = default;

        ActiveReturnMetrics(returns, benchmark, a, first, ref metrics);

        var all = PairMoments.Compute(returns, benchmark, first, second);
        var beta = all.Beta;
        metrics.Beta = beta;
        metrics.Alpha = Alpha(all, rfp, a);
        metrics.AlphaLinear = (all.MeanR - (beta * all.MeanB)) * a;
        metrics.Correlation = all.Correlation;
        metrics.RSquared = metrics.Correlation * metrics.Correlation;

        var wealthR = CompoundGrowth.Wealth(returns);
        var wealthB = CompoundGrowth.Wealth(benchmark);
        metrics.TreynorRatio = (wealthR - 1 - parameters.RiskFreeRate) / beta;
        metrics.Capture = CompoundGrowth.Cagr(wealthR, n, a) / CompoundGrowth.Cagr(wealthB, n, a);

        var up = SideMetrics(returns, benchmark, upSide: true, rfp, a, first, second);
        var down = SideMetrics(returns, benchmark, upSide: false, rfp, a, first, second);
        metrics.UpCapture = up.Capture;
        metrics.UpAlpha = up.Alpha;
        metrics.UpBeta = up.Beta;
        metrics.DownCapture = down.Capture;
        metrics.DownAlpha = down.Alpha;
        metrics.DownBeta = down.Beta;
        metrics.UpDownCapture = up.Capture / down.Capture;

        metrics.BetaFragilityHeuristic = BetaFragility.Compute(returns, benchmark, first);
    }

    /// <summary>Information ratio, tracking error and batting averages, all from the active return r − b.</summary>
    private static void ActiveReturnMetrics(
        ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, double a, Span<double> active, ref RelativeMetrics metrics)
    {
        var n = returns.Length;
        if (n == 0)
        {
            metrics.InformationRatio = metrics.TrackingError = double.NaN;
            metrics.BattingAverage = metrics.BattingAverageUp = metrics.BattingAverageDown = double.NaN;
            return;
        }

        TensorPrimitives.Subtract(returns, benchmark, active);

        // Batting counts before centring overwrites the active returns. "r − b > 0" is read off the difference, as empyrical does.
        int wins = 0, upRows = 0, upWins = 0, downWins = 0;
        // Branch-free: the signs of returns are coin flips, and mispredicted branches cost more than the arithmetic.
        for (var i = 0; i < n; i++)
        {
            var win = active[i] > 0 ? 1 : 0;
            var up = benchmark[i] >= 0 ? 1 : 0;
            wins += win;
            upRows += up;
            upWins += win & up;
            downWins += win & (up ^ 1);
        }

        var downRows = n - upRows;
        metrics.BattingAverage = (double)wins / n;
        metrics.BattingAverageUp = upRows == 0 ? double.NaN : (double)upWins / upRows;
        metrics.BattingAverageDown = downRows == 0 ? double.NaN : (double)downWins / downRows;

        var mean = PairMoments.Centre(active, active);
        var sd = Math.Sqrt(TensorPrimitives.SumOfSquares<double>(active) / (n - 1));
        metrics.InformationRatio = mean / sd;
        metrics.TrackingError = sd * Math.Sqrt(a);
    }

    /// <summary>empyrical's alpha: (1 + mean(e − beta·(b − rf_p)))^A − 1, with the mean expanded over the two means.</summary>
    private static double Alpha(in PairMoments m, double rfp, double a)
    {
        var meanExcess = (m.MeanR - rfp) - (m.Beta * (m.MeanB - rfp));
        return Math.Pow(1 + meanExcess, a) - 1;
    }

    /// <summary>Capture, alpha and beta over the rows with b &gt; 0 (<paramref name="upSide"/>) or b &lt; 0.</summary>
    private static (double Capture, double Alpha, double Beta) SideMetrics(
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> benchmark,
        bool upSide,
        double rfp,
        double a,
        Span<double> gatheredR,
        Span<double> gatheredB)
    {
        // Branch-free compaction: always write at k, advance k only for kept rows (k ≤ i, so writes stay in bounds).
        var k = 0;
        for (var i = 0; i < returns.Length; i++)
        {
            var b = benchmark[i];
            gatheredR[k] = returns[i];
            gatheredB[k] = b;
            k += (upSide ? b > 0 : b < 0) ? 1 : 0;
        }

        var r = gatheredR[..k];
        var bb = gatheredB[..k];
        var capture = CompoundGrowth.Cagr(CompoundGrowth.Wealth(r), k, a) / CompoundGrowth.Cagr(CompoundGrowth.Wealth(bb), k, a);
        var moments = PairMoments.Compute(r, bb, r, bb);
        return (capture, Alpha(moments, rfp, a), moments.Beta);
    }
}
