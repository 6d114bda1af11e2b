using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RiskGrpc.Kernel;

/// <summary>The two fused, vectorised passes over the returns: plain sums, then centred moments and lag-1 sums.</summary>
public static partial class MetricKernel
{
    /// <summary>
    /// Pass 1: Σr, min, max, win/loss counts and sums, and the excess-return sums of downside risk and omega, all in
    /// one read of the data (ten independent accumulators keep the loop throughput-bound, not latency-bound). The win
    /// and loss signs also go out as bitmaps (bit t of word t/64) for <see cref="LongestRun"/>.
    /// </summary>
    private static void SumPass(ReadOnlySpan<double> r, double rfp, ref MomentSums s, Span<ulong> winBits, Span<ulong> lossBits)
    {
        ulong winWord = 0, lossWord = 0;
        var n = r.Length;
        ref var r0 = ref MemoryMarshal.GetReference(r);
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity, pc = 0, nc = 0, ps = 0, ns = 0, dsq = 0, eg = 0, el = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count)
        {
            var zero = Vector256<double>.Zero;
            var one = Vector256<double>.One;
            var rf = Vector256.Create(rfp);
            Vector256<double> vSum = zero, vPc = zero, vNc = zero, vPs = zero, vNs = zero, vDsq = zero, vEg = zero, vEl = zero;
            var vMin = Vector256.Create(double.PositiveInfinity);
            var vMax = Vector256.Create(double.NegativeInfinity);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var x = Vector256.LoadUnsafe(ref r0, (nuint)i);
                vSum += x;
                vMin = Vector256.MinNative(vMin, x);
                vMax = Vector256.MaxNative(vMax, x);
                var pos = Vector256.GreaterThan(x, zero);
                var neg = Vector256.LessThan(x, zero);
                vPc += pos & one;
                vNc += neg & one;
                winWord |= (ulong)pos.ExtractMostSignificantBits() << (i & 63);
                lossWord |= (ulong)neg.ExtractMostSignificantBits() << (i & 63);
                if (((i + Vector256<double>.Count) & 63) == 0)
                {
                    winBits[i >> 6] = winWord;
                    lossBits[i >> 6] = lossWord;
                    winWord = lossWord = 0;
                }

                vPs += x & pos;
                vNs += x & neg;
                var e = x - rf;
                var down = Vector256.MinNative(e, zero);
                vDsq = Vector256.FusedMultiplyAdd(down, down, vDsq);
                vEl -= down;
                vEg += Vector256.MaxNative(e, zero);
            }

            sum = Vector256.Sum(vSum);
            min = HorizontalMin(vMin);
            max = HorizontalMax(vMax);
            pc = Vector256.Sum(vPc);
            nc = Vector256.Sum(vNc);
            ps = Vector256.Sum(vPs);
            ns = Vector256.Sum(vNs);
            dsq = Vector256.Sum(vDsq);
            eg = Vector256.Sum(vEg);
            el = Vector256.Sum(vEl);
        }

        for (; i < n; i++)
        {
            var x = Unsafe.Add(ref r0, i);
            sum += x;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
            if (x > 0)
            {
                pc++;
                ps += x;
                winWord |= 1UL << (i & 63);
            }
            else if (x < 0)
            {
                nc++;
                ns += x;
                lossWord |= 1UL << (i & 63);
            }

            if (((i + 1) & 63) == 0)
            {
                winBits[i >> 6] = winWord;
                lossBits[i >> 6] = lossWord;
                winWord = lossWord = 0;
            }

            var e = x - rfp;
            if (e < 0)
            {
                dsq += e * e;
                el -= e;
            }
            else
            {
                eg += e;
            }
        }

        if ((n & 63) != 0)
        {
            winBits[n >> 6] = winWord;
            lossBits[n >> 6] = lossWord;
        }

        s.Sum = sum;
        s.Min = min;
        s.Max = max;
        s.PositiveCount = pc;
        s.NegativeCount = nc;
        s.PositiveSum = ps;
        s.NegativeSum = ns;
        s.DownsideSquares = dsq;
        s.ExcessGain = eg;
        s.ExcessLoss = el;
    }

    /// <summary>
    /// Pass 2 (needs the mean): Σd², Σd³, Σd⁴ with d = r − mean, and the centred sums of a = r[0..n−2] against
    /// b = r[1..n−1] about their own means (np.corrcoef's lag-1 autocorrelation). A constant series gets exact zeros:
    /// its computed mean can miss the common value by an ulp, which would turn 0/0 moments into noise.
    /// </summary>
    private static void CentredPass(ReadOnlySpan<double> r, ref MomentSums s)
    {
        var n = r.Length;
        if (s.Min == s.Max)
        {
            s.Mean = s.Min;
            s.Centred2 = s.Centred3 = s.Centred4 = 0;
            s.LagVarianceHead = s.LagVarianceTail = s.LagCovariance = 0;
            return;
        }

        var m = s.Mean;
        var ma = (s.Sum - r[n - 1]) / (n - 1);
        var mb = (s.Sum - r[0]) / (n - 1);
        ref var r0 = ref MemoryMarshal.GetReference(r);
        double c2 = 0, c3 = 0, c4 = 0, aa = 0, bb = 0, ab = 0;
        var i = 0;
        var pairs = n - 1;
        if (Vector256.IsHardwareAccelerated && pairs >= Vector256<double>.Count)
        {
            var vm = Vector256.Create(m);
            var vma = Vector256.Create(ma);
            var vmb = Vector256.Create(mb);
            Vector256<double> v2 = default, v3 = default, v4 = default, vaa = default, vbb = default, vab = default;
            for (; i <= pairs - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var a = Vector256.LoadUnsafe(ref r0, (nuint)i);
                var b = Vector256.LoadUnsafe(ref r0, (nuint)(i + 1));
                var d = a - vm;
                var d2 = d * d;
                v2 += d2;
                v3 = Vector256.FusedMultiplyAdd(d2, d, v3);
                v4 = Vector256.FusedMultiplyAdd(d2, d2, v4);
                var da = a - vma;
                var db = b - vmb;
                vaa = Vector256.FusedMultiplyAdd(da, da, vaa);
                vbb = Vector256.FusedMultiplyAdd(db, db, vbb);
                vab = Vector256.FusedMultiplyAdd(da, db, vab);
            }

            c2 = Vector256.Sum(v2);
            c3 = Vector256.Sum(v3);
            c4 = Vector256.Sum(v4);
            aa = Vector256.Sum(vaa);
            bb = Vector256.Sum(vbb);
            ab = Vector256.Sum(vab);
        }

        for (; i < pairs; i++)
        {
            var a = Unsafe.Add(ref r0, i);
            var b = Unsafe.Add(ref r0, i + 1);
            var d = a - m;
            var d2 = d * d;
            c2 += d2;
            c3 += d2 * d;
            c4 += d2 * d2;
            var da = a - ma;
            var db = b - mb;
            aa += da * da;
            bb += db * db;
            ab += da * db;
        }

        var dl = r[n - 1] - m;
        var dl2 = dl * dl;
        s.Centred2 = c2 + dl2;
        s.Centred3 = c3 + (dl2 * dl);
        s.Centred4 = c4 + (dl2 * dl2);
        s.LagVarianceHead = aa;
        s.LagVarianceTail = bb;
        s.LagCovariance = ab;
    }

    /// <summary>Words of bitmap a series of <paramref name="length"/> rows needs.</summary>
    private static int BitmapWords(int length) => (length + 63) >> 6;

    /// <summary>
    /// Longest run of set bits in a bitmap of the rows (bit t of word t/64; bits past the end
    /// are 0). Per word: the run carried in from below plus the word's trailing ones, its interior longest run
    /// (repeated x &amp;= x &gt;&gt; 1, one step per unit of run length), and the leading ones carried out.
    /// </summary>
    private static int LongestRun(ReadOnlySpan<ulong> bits)
    {
        int best = 0, carry = 0;
        foreach (var word in bits)
        {
            if (word == ulong.MaxValue)
            {
                carry += 64;
                best = Math.Max(best, carry);
                continue;
            }

            best = Math.Max(best, carry + BitOperations.TrailingZeroCount(~word));
            var interior = 0;
            for (var x = word; x != 0; x &= x >> 1)
            {
                interior++;
            }

            best = Math.Max(best, interior);
            carry = BitOperations.LeadingZeroCount(~word);
        }

        return best;
    }

    private static double HorizontalMin(Vector256<double> v) =>
        Math.Min(Math.Min(v.GetElement(0), v.GetElement(1)), Math.Min(v.GetElement(2), v.GetElement(3)));

    private static double HorizontalMax(Vector256<double> v) =>
        Math.Max(Math.Max(v.GetElement(0), v.GetElement(1)), Math.Max(v.GetElement(2), v.GetElement(3)));
}
