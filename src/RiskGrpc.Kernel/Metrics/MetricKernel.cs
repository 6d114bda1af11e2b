using System.Runtime.InteropServices;
using MathNet.Numerics.Distributions;

namespace RiskGrpc.Kernel;

/// <summary>
/// The returns-only metric catalogue over one series of simple returns. Pure, allocation-free: the caller supplies
/// scratch of at least <see cref="ScratchLength"/> doubles. Inputs must be finite (the caller applies the NaN policy).
/// </summary>
/// <remarks>
/// Work per call: two fused vectorised passes (sums with win/loss bitmaps for the runs, then centred moments and
/// lag-1 sums), a vectorised ln(1 + r), one sequential pass over the wealth path (drawdown episodes, ln W as a running
/// sum for stability), a vector pass over the drawdowns, and quantiles by selection on copies of the two tails (no
/// full sort; branch-free partitions). Φ and Φ⁻¹ are MathNet's (erf/erfinv based, ~1e-15 relative).
/// </remarks>
public static partial class MetricKernel
{
    /// <summary>
    /// Scratch doubles <see cref="Compute"/> needs for a series of length <paramref name="length"/>: 3·length + 8 (the
    /// drawdown series, the wealth path reused as the low tail buffer, and the high tail buffer, each tail buffer with
    /// four doubles of slack for whole-vector stores).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or too large.</exception>
    public static int ScratchLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, (int.MaxValue / 3) - 8);
        return (3 * length) + (2 * TailCompaction.Slack);
    }

    /// <summary>
    /// Computes every returns-only metric into <paramref name="metrics"/> and, for each confidence level c in
    /// <paramref name="confidenceLevels"/>, the tail-risk metrics into <paramref name="tailRisk"/>[i].
    /// </summary>
    /// <remarks>
    /// Formulas and units are those of docs/metrics.md (per-period inputs; annualised by A where the catalogue says).
    /// Edge cases: n = 0 gives NaN everywhere except the counts and episode statistics, which are 0 (tail risk: NaN,
    /// with Confidence set). Metrics needing a spread (anything with sd or n − 1) are NaN for n &lt; 2; skew needs
    /// n ≥ 3, kurtosis n ≥ 4, autocorrelation n ≥ 3. A ratio with a zero denominator is ±Infinity by the sign of a
    /// non-zero numerator and NaN for a zero one, except the catalogue's row rules: calmar NaN when max_drawdown = 0,
    /// omega NaN without losses, profit_factor +Infinity without losses (0 without gains either), gain_to_pain NaN
    /// without losses. A constant series has exactly zero centred moments (mean = the common value).
    /// </remarks>
    /// <exception cref="ArgumentException">Scratch or tail-risk destination too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A confidence level is outside (0, 1).</exception>
    public static void Compute(
        ReadOnlySpan<double> returns,
        in MetricParameters parameters,
        ReadOnlySpan<double> confidenceLevels,
        Span<double> scratch,
        out ReturnMetrics metrics,
        Span<TailRiskMetrics> tailRisk)
    {
        var n = returns.Length;
        if (scratch.Length < ScratchLength(n))
        {
            throw new ArgumentException($"scratch holds {scratch.Length} doubles; {ScratchLength(n)} needed for {n} returns", nameof(scratch));
        }

        if (tailRisk.Length < confidenceLevels.Length)
        {
            throw new ArgumentException($"tail-risk destination holds {tailRisk.Length} entries; {confidenceLevels.Length} confidence levels given", nameof(tailRisk));
        }

        foreach (var c in confidenceLevels)
        {
            if (!(c > 0 && c < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(confidenceLevels), c, "confidence levels must lie in (0, 1)");
            }
        }

        if (n == 0)
        {
            metrics = Empty();
            for (var i = 0; i < confidenceLevels.Length; i++)
            {
                tailRisk[i] = EmptyTail(confidenceLevels[i]);
            }

            return;
        }

        var a = parameters.PeriodsPerYear;
        var rfp = parameters.RiskFreePerPeriod;
        var s = default(MomentSums);
        var bitmaps = MemoryMarshal.Cast<double, ulong>(scratch.Slice(n, 2 * n));
        var winBits = bitmaps[..BitmapWords(n)];
        var lossBits = bitmaps.Slice(BitmapWords(n), BitmapWords(n));
        SumPass(returns, rfp, ref s, winBits, lossBits);
        var p = new PathSums { LongestWinRun = LongestRun(winBits), LongestLossRun = LongestRun(lossBits) };
        s.Mean = s.Sum / n;
        CentredPass(returns, ref s);

        var drawdown = scratch[..n];
        var wealth = scratch.Slice(n, n);
        var lowTail = scratch.Slice(n, n + TailCompaction.Slack);
        var highTail = scratch.Slice((2 * n) + TailCompaction.Slack, n + TailCompaction.Slack);

        // ln W for stability, as the running sum of ln(1 + r): the high tail buffer is free until the tail statistics.
        var logWealth = highTail[..n];
        LogGrowth.Compute(returns, logWealth);
        PathPass(returns, wealth, drawdown, logWealth, ref p);
        DrawdownPass(wealth, drawdown, logWealth, ref p);

        var sd = n >= 2 ? Math.Sqrt(s.Centred2 / (n - 1)) : double.NaN;
        var m2 = s.Centred2 / n;
        var skewBiased = Ratio(s.Centred3 / n, m2 * Math.Sqrt(m2));
        var kurtosisBiased = Ratio(s.Centred4 / n, m2 * m2) - 3;

        // The drawdown series is done with after this, so its n doubles become the selection scratch.
        var serenityPitfallCvar = DrawdownCvar(drawdown, p.DrawdownSum, p.DrawdownSquares);
        Span<int> lowRanks = stackalloc int[RankMemory];
        Span<int> highRanks = stackalloc int[RankMemory];
        var order = TailOrderStatistics(
            returns, confidenceLevels, s.Mean, sd, skewBiased, kurtosisBiased, lowTail, highTail, lowRanks, highRanks, drawdown, out var lowThreshold);

        // Larger low rank first, so the smaller one is selected inside the prefix the first selection left.
        var q05 = order.Quantile(0.05);
        var q01 = order.Quantile(0.01);
        var q95 = order.Quantile(0.95);
        var q99 = order.Quantile(0.99);
        for (var i = 0; i < confidenceLevels.Length; i++)
        {
            tailRisk[i] = TailRisk(confidenceLevels[i], returns, ref order, lowThreshold, s.Sum, s.Mean, sd, skewBiased, kurtosisBiased);
        }

        metrics = Assemble(n, a, parameters.RiskFreeRate, rfp, in s, in p, sd, skewBiased, kurtosisBiased, q01, q05, q95, q99, serenityPitfallCvar);
    }

    /// <summary>
    /// cvar_quantstats(0.95) of the drawdown series: mean of dd below mean(dd) + sd(dd)·Φ⁻¹(0.05), else that VaR.
    /// Σ(dd − mean)² comes from the drawdown pass's sums as Σdd² − mean·Σdd instead of another pass over the series.
    /// Its rounding error is relative to Σdd², so a nearly constant deep drawdown loses digits of the spread; the
    /// reference series still agree with QuantStats to 1e-9.
    /// </summary>
    private static double DrawdownCvar(ReadOnlySpan<double> drawdown, double drawdownSum, double drawdownSquares)
    {
        var n = drawdown.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        var mean = drawdownSum / n;
        var sd = Math.Sqrt(Math.Max(drawdownSquares - (mean * drawdownSum), 0) / (n - 1));
        var var95 = mean + (sd * Z05);
        var below = SumBelow(drawdown, var95, out var count);
        return count > 0 ? below / count : var95;
    }

    private static TailRiskMetrics EmptyTail(double c) => new()
    {
        Confidence = c,
        VarHistorical = double.NaN,
        CvarHistorical = double.NaN,
        VarGaussian = double.NaN,
        CvarGaussian = double.NaN,
        VarCornishFisher = double.NaN,
        CvarQuantstats = double.NaN,
    };

    /// <summary>Φ of the standard normal (MathNet, erfc based).</summary>
    private static double NormalCdf(double x) => Normal.CDF(0, 1, x);
}
