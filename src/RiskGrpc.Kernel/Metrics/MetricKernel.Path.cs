using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Numerics.Tensors;

namespace RiskGrpc.Kernel;

/// <summary>The sequential wealth pass (drawdowns, episodes, runs) and the vectorised passes over its outputs.</summary>
public static partial class MetricKernel
{
    /// <summary>
    /// One sequential pass: W_t = W_{t−1}(1 + r_t), peak_t = max(1, max W), dd_t = W_t / peak_t − 1 (exactly 0 at a
    /// new high), drawdown episodes (leave the peak, recover when W regains it) and the longest win/loss runs.
    /// Writes W_t to <paramref name="wealth"/> and dd_t to <paramref name="drawdown"/>.
    /// </summary>
    private static void PathPass(ReadOnlySpan<double> r, Span<double> wealth, Span<double> drawdown, ref PathSums p)
    {
        var n = r.Length;
        ref var r0 = ref MemoryMarshal.GetReference(r);
        ref var w0 = ref MemoryMarshal.GetReference(wealth);
        ref var d0 = ref MemoryMarshal.GetReference(drawdown);
        double w = 1, peak = 1, maxDd = 0, ddSum = 0, ddSq = 0, valley = 0, depthSum = 0;
        int peakIndex = -1, episodes = 0, longest = 0, wins = 0, losses = 0, maxWins = 0, maxLosses = 0;
        long lengthSum = 0;
        var under = false;
        for (var t = 0; t < n; t++)
        {
            var x = Unsafe.Add(ref r0, t);
            w *= 1 + x;
            Unsafe.Add(ref w0, t) = w;
            double dd;
            if (w >= peak)
            {
                peak = w;
                dd = 0;
                if (under)
                {
                    under = false;
                    var length = t - peakIndex;
                    lengthSum += length;
                    longest = Math.Max(longest, length);
                    depthSum += valley;
                }

                peakIndex = t;
            }
            else
            {
                dd = (w / peak) - 1;
                if (!under)
                {
                    under = true;
                    episodes++;
                    valley = dd;
                }

                valley = Math.Min(valley, dd);
                maxDd = Math.Min(maxDd, dd);
                ddSum += dd;
                ddSq += dd * dd;
            }

            Unsafe.Add(ref d0, t) = dd;
            wins = x > 0 ? wins + 1 : 0;
            losses = x < 0 ? losses + 1 : 0;
            maxWins = Math.Max(maxWins, wins);
            maxLosses = Math.Max(maxLosses, losses);
        }

        if (under)
        {
            var length = n - 1 - peakIndex;
            lengthSum += length;
            longest = Math.Max(longest, length);
            depthSum += valley;
        }

        p.FinalWealth = w;
        p.MaxDrawdown = maxDd;
        p.DrawdownSum = ddSum;
        p.DrawdownSquares = ddSq;
        p.EpisodeCount = episodes;
        p.LongestEpisode = longest;
        p.EpisodeLengthSum = lengthSum;
        p.EpisodeDepthSum = depthSum;
        p.LongestWinRun = maxWins;
        p.LongestLossRun = maxLosses;
    }

    /// <summary>
    /// stability = R² of y_t = ln W_t (= cumsum log(1 + r)) on t: Sxy² / (Sxx·Syy) with Sxx = n(n² − 1)/12, clipped to
    /// 1 like scipy's linregress. Overwrites <paramref name="wealth"/> with ln W.
    /// </summary>
    private static double Stability(Span<double> wealth)
    {
        var n = wealth.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        TensorPrimitives.Log(wealth, wealth);
        var y = (ReadOnlySpan<double>)wealth;
        var ybar = TensorPrimitives.Sum(y) / n;
        var tbar = (n - 1) / 2.0;
        ref var y0 = ref MemoryMarshal.GetReference(y);
        double sxy = 0, syy = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            var vy = Vector256.Create(ybar);
            var vt = Vector256.Create(-tbar, 1 - tbar, 2 - tbar, 3 - tbar);
            var step = Vector256.Create(4.0);
            Vector256<double> vxy = default, vyy = default;
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var d = Vector256.LoadUnsafe(ref y0, (nuint)i) - vy;
                vxy = Vector256.FusedMultiplyAdd(vt, d, vxy);
                vyy = Vector256.FusedMultiplyAdd(d, d, vyy);
                vt += step;
            }

            sxy = Vector256.Sum(vxy);
            syy = Vector256.Sum(vyy);
        }

        for (; i < n; i++)
        {
            var d = Unsafe.Add(ref y0, i) - ybar;
            sxy += (i - tbar) * d;
            syy += d * d;
        }

        var sxx = n * (((double)n * n) - 1) / 12.0;
        var r2 = Ratio(sxy * sxy, sxx * syy);
        return Math.Min(r2, 1);
    }

    /// <summary>Σ (x − mean)² in one vectorised pass.</summary>
    private static double SquaredDeviations(ReadOnlySpan<double> x, double mean)
    {
        ref var x0 = ref MemoryMarshal.GetReference(x);
        double s = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<double>.Count)
        {
            var vm = Vector256.Create(mean);
            Vector256<double> acc = default;
            for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var d = Vector256.LoadUnsafe(ref x0, (nuint)i) - vm;
                acc = Vector256.FusedMultiplyAdd(d, d, acc);
            }

            s = Vector256.Sum(acc);
        }

        for (; i < x.Length; i++)
        {
            var d = Unsafe.Add(ref x0, i) - mean;
            s += d * d;
        }

        return s;
    }

    /// <summary>Count and sum of the values strictly below <paramref name="threshold"/>, in one vectorised pass.</summary>
    private static double SumBelow(ReadOnlySpan<double> x, double threshold, out double count)
    {
        ref var x0 = ref MemoryMarshal.GetReference(x);
        double s = 0, c = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && x.Length >= Vector256<double>.Count)
        {
            var vt = Vector256.Create(threshold);
            Vector256<double> vs = default, vc = default;
            for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref x0, (nuint)i);
                var below = Vector256.LessThan(v, vt);
                vs += v & below;
                vc += Vector256<double>.One & below;
            }

            s = Vector256.Sum(vs);
            c = Vector256.Sum(vc);
        }

        for (; i < x.Length; i++)
        {
            var v = Unsafe.Add(ref x0, i);
            if (v < threshold)
            {
                s += v;
                c++;
            }
        }

        count = c;
        return s;
    }

    /// <summary>
    /// The catalogue's ratio rule: num/den, except a zero denominator (either sign) gives ±Infinity with the sign of a
    /// non-zero numerator and NaN for a zero numerator.
    /// </summary>
    internal static double Ratio(double numerator, double denominator)
    {
        if (denominator != 0)
        {
            return numerator / denominator;
        }

        return numerator > 0 ? double.PositiveInfinity : numerator < 0 ? double.NegativeInfinity : double.NaN;
    }
}
