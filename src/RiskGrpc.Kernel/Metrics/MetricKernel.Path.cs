using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RiskGrpc.Kernel;

/// <summary>The sequential wealth pass (drawdown episodes, ln W) and the vectorised pass over its outputs.</summary>
public static partial class MetricKernel
{
    /// <summary>
    /// The one sequential pass: W_t = W_{t−1}(1 + r_t) and peak_t = max(1, max W) (stored for the vector pass that turns
    /// them into dd), the drawdown episodes (leave the peak, recover when W regains it), and ln W_t as the running sum
    /// of <paramref name="logWealth"/> (which holds ln(1 + r_t) on entry and ln W_t on return).
    /// </summary>
    /// <remarks>
    /// Latency-bound by the product chain, so the loop carries nothing else but the independent log-sum chain, which
    /// runs alongside it (underwater, two rows share one multiply on the chain): two tight loops, one at the high-water
    /// mark and one underwater, switch only at episode boundaries (the only mispredicted branches). An episode's depth
    /// is min W / peak − 1 over its rows, equal to min dd because the peak is fixed
    /// within an episode and division and subtraction are monotone.
    /// </remarks>
    private static void PathPass(ReadOnlySpan<double> r, Span<double> wealth, Span<double> peaks, Span<double> logWealth, ref PathSums p)
    {
        var n = r.Length;
        ref var r0 = ref MemoryMarshal.GetReference(r);
        ref var w0 = ref MemoryMarshal.GetReference(wealth);
        ref var k0 = ref MemoryMarshal.GetReference(peaks);
        ref var y0 = ref MemoryMarshal.GetReference(logWealth[..n]);
        double w = 1, peak = 1, depthSum = 0, y = 0, ySum = 0;
        int episodes = 0, longest = 0;
        long lengthSum = 0;
        var t = 0;
        while (t < n)
        {
            // At the high-water mark: every row is a new peak until one falls below it.
            for (; t < n; t++)
            {
                w *= 1 + Unsafe.Add(ref r0, t);
                Unsafe.Add(ref w0, t) = w;
                y += Unsafe.Add(ref y0, t);
                Unsafe.Add(ref y0, t) = y;
                ySum += y;
                if (w < peak)
                {
                    break;
                }

                peak = w;
                Unsafe.Add(ref k0, t) = peak;
            }

            if (t == n)
            {
                break;
            }

            // Underwater from row t; the peak row is t − 1 (−1: the initial capital).
            var start = t;
            Unsafe.Add(ref k0, t) = peak;

            // The lowest wealth as a one-lane vector: MinNative is a single vminsd, where Math.Min's NaN and −0
            // handling would put a five-instruction chain on every underwater row.
            var lowest = Vector128.CreateScalarUnsafe(w);
            var regained = false;

            // Two rows per step: W_{t+1} = W_{t−1}·((1 + r_t)(1 + r_{t+1})) puts one multiply per two rows on the
            // wealth chain (W_t = W_{t−1}(1 + r_t) branches off it), halving the latency the pass is bound by.
            for (t++; t + 1 < n; t += 2)
            {
                var a = 1 + Unsafe.Add(ref r0, t);
                var w1 = w * a;
                var w2 = w * (a * (1 + Unsafe.Add(ref r0, t + 1)));
                var l1 = Unsafe.Add(ref y0, t);
                var y1 = y + l1;
                var y2 = y + (l1 + Unsafe.Add(ref y0, t + 1));
                Unsafe.Add(ref w0, t) = w1;
                Unsafe.Add(ref y0, t) = y1;
                ySum += y1;
                if (w1 >= peak)
                {
                    (w, y, regained) = (w1, y1, true);
                    break;
                }

                Unsafe.Add(ref k0, t) = peak;
                Unsafe.Add(ref w0, t + 1) = w2;
                Unsafe.Add(ref y0, t + 1) = y2;
                ySum += y2;
                if (w2 >= peak)
                {
                    lowest = Vector128.MinNative(lowest, Vector128.CreateScalarUnsafe(w1));
                    (w, y, regained) = (w2, y2, true);
                    t++;
                    break;
                }

                Unsafe.Add(ref k0, t + 1) = peak;
                lowest = Vector128.MinNative(lowest, Vector128.MinNative(Vector128.CreateScalarUnsafe(w1), Vector128.CreateScalarUnsafe(w2)));
                (w, y) = (w2, y2);
            }

            // The last row when an even number remained, one at a time as at the peak.
            for (; !regained && t < n; t++)
            {
                w *= 1 + Unsafe.Add(ref r0, t);
                Unsafe.Add(ref w0, t) = w;
                y += Unsafe.Add(ref y0, t);
                Unsafe.Add(ref y0, t) = y;
                ySum += y;
                if (w >= peak)
                {
                    break;
                }

                Unsafe.Add(ref k0, t) = peak;
                lowest = Vector128.MinNative(lowest, Vector128.CreateScalarUnsafe(w));
            }

            var length = (t < n ? t : n - 1) - (start - 1);
            episodes++;
            lengthSum += length;
            longest = Math.Max(longest, length);
            depthSum += (lowest.ToScalar() / peak) - 1;
            if (t < n)
            {
                // Row t regained the peak: it is the new high-water mark, already multiplied in.
                peak = w;
                Unsafe.Add(ref k0, t) = peak;
                t++;
            }
        }

        p.FinalWealth = w;
        p.LogWealthSum = ySum;
        p.EpisodeCount = episodes;
        p.LongestEpisode = longest;
        p.EpisodeLengthSum = lengthSum;
        p.EpisodeDepthSum = depthSum;
    }

    /// <summary>
    /// Vector pass over the path: dd_t = W_t / peak_t − 1, written over the peaks, with Σdd, Σdd² and min dd. The exact
    /// division keeps dd bit-identical to the catalogue formula (0 exactly at a peak). The same loop takes stability's
    /// centred sums of y_t = ln W_t (from <see cref="PathPass"/>) against t: Sxy = Σ(t − t̄)(y − ȳ), Syy = Σ(y − ȳ)².
    /// </summary>
    private static void DrawdownPass(ReadOnlySpan<double> wealth, Span<double> peaksThenDrawdown, ReadOnlySpan<double> logWealth, ref PathSums p)
    {
        var n = wealth.Length;
        ref var w0 = ref MemoryMarshal.GetReference(wealth);
        ref var d0 = ref MemoryMarshal.GetReference(peaksThenDrawdown);
        ref var y0 = ref MemoryMarshal.GetReference(logWealth[..n]);
        var ybar = p.LogWealthSum / n;
        var tbar = (n - 1) / 2.0;
        double sum = 0, squares = 0, min = 0, sxy = 0, syy = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            Vector256<double> vs = default, vq = default, vm = default, vxy = default, vyy = default;
            var vy = Vector256.Create(ybar);
            var vt = Vector256.Create(-tbar, 1 - tbar, 2 - tbar, 3 - tbar);
            var step = Vector256.Create(4.0);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var dd = (Vector256.LoadUnsafe(ref w0, (nuint)i) / Vector256.LoadUnsafe(ref d0, (nuint)i)) - Vector256<double>.One;
                dd.StoreUnsafe(ref d0, (nuint)i);
                vs += dd;
                vq = Vector256.FusedMultiplyAdd(dd, dd, vq);
                vm = Vector256.MinNative(vm, dd);
                var dy = Vector256.LoadUnsafe(ref y0, (nuint)i) - vy;
                vxy = Vector256.FusedMultiplyAdd(vt, dy, vxy);
                vyy = Vector256.FusedMultiplyAdd(dy, dy, vyy);
                vt += step;
            }

            sum = Vector256.Sum(vs);
            squares = Vector256.Sum(vq);
            min = HorizontalMin(vm);
            sxy = Vector256.Sum(vxy);
            syy = Vector256.Sum(vyy);
        }

        for (; i < n; i++)
        {
            var dd = (Unsafe.Add(ref w0, i) / Unsafe.Add(ref d0, i)) - 1;
            Unsafe.Add(ref d0, i) = dd;
            sum += dd;
            squares += dd * dd;
            min = Math.Min(min, dd);
            var dy = Unsafe.Add(ref y0, i) - ybar;
            sxy += (i - tbar) * dy;
            syy += dy * dy;
        }

        p.DrawdownSum = sum;
        p.DrawdownSquares = squares;
        p.MaxDrawdown = min;
        p.Stability = Stability(n, sxy, syy);
    }

    /// <summary>
    /// stability = R² of y_t = ln W_t (= cumsum ln(1 + r)) on t from the centred sums: Sxy² / (Sxx·Syy) with
    /// Sxx = n(n² − 1)/12, clipped to 1 like scipy's linregress.
    /// </summary>
    private static double Stability(int n, double sxy, double syy)
    {
        if (n < 2)
        {
            return double.NaN;
        }

        var sxx = n * (((double)n * n) - 1) / 12.0;
        var r2 = Ratio(sxy * sxy, sxx * syy);
        return Math.Min(r2, 1);
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
