using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RiskGrpc.Kernel;

/// <summary>
/// ln(1 + r) over a series of simple returns, vectorised for the range periodic returns live in.
/// </summary>
/// <remarks>
/// For |r| ≤ 0.1: s = r / (2 + r) and ln(1 + r) = 2·atanh(s) = 2s·(1 + s²/3 + s⁴/5 + … + s¹⁰/11). Here |s| ≤ 0.0527,
/// so the first omitted term is below 4e-17 of the result, and the result is within 3 ulp of the exact
/// value. That is one division and five fused multiply-adds per four returns, against a general log's exponent
/// split and longer polynomial. Any lane outside that range (or NaN) sends its whole vector to <see cref="Scalar"/>.
/// </remarks>
internal static class LogGrowth
{
    private const double SeriesLimit = 0.1;
    private const double C3 = 1.0 / 3, C5 = 1.0 / 5, C7 = 1.0 / 7, C9 = 1.0 / 9, C11 = 1.0 / 11;

    /// <summary>destination[i] = ln(1 + returns[i]); the spans may be the same memory.</summary>
    public static void Compute(ReadOnlySpan<double> returns, Span<double> destination)
    {
        var n = returns.Length;
        ref var r0 = ref MemoryMarshal.GetReference(returns);
        ref var y0 = ref MemoryMarshal.GetReference(destination[..n]);
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var limit = Vector256.Create(SeriesLimit);
            var two = Vector256.Create(2.0);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var r = Vector256.LoadUnsafe(ref r0, (nuint)i);
                if (!Vector256.LessThanOrEqualAll(Vector256.Abs(r), limit))
                {
                    for (var j = i; j < i + Vector256<double>.Count; j++)
                    {
                        Unsafe.Add(ref y0, j) = Scalar(Unsafe.Add(ref r0, j));
                    }

                    continue;
                }

                var s = r / (two + r);
                var z = s * s;
                var p = Vector256.FusedMultiplyAdd(z, Vector256.Create(C11), Vector256.Create(C9));
                p = Vector256.FusedMultiplyAdd(z, p, Vector256.Create(C7));
                p = Vector256.FusedMultiplyAdd(z, p, Vector256.Create(C5));
                p = Vector256.FusedMultiplyAdd(z, p, Vector256.Create(C3));
                var s2 = s + s;
                Vector256.FusedMultiplyAdd(s2 * z, p, s2).StoreUnsafe(ref y0, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref y0, i) = Scalar(Unsafe.Add(ref r0, i));
        }
    }

    /// <summary>ln(1 + r) for one return: the same series inside the range, <see cref="Math.Log(double)"/> of 1 + r outside it.</summary>
    public static double Scalar(double r)
    {
        if (!(Math.Abs(r) <= SeriesLimit))
        {
            // Outside the range 1 + r is at least 0.1 away from 1: rounding it costs the log a few ulp at most.
            return Math.Log(1 + r);
        }

        var s = r / (2 + r);
        var z = s * s;
        var p = Math.FusedMultiplyAdd(z, C11, C9);
        p = Math.FusedMultiplyAdd(z, p, C7);
        p = Math.FusedMultiplyAdd(z, p, C5);
        p = Math.FusedMultiplyAdd(z, p, C3);
        var s2 = s + s;
        return Math.FusedMultiplyAdd(s2 * z, p, s2);
    }
}
