using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RiskGrpc.Kernel;

/// <summary>
/// Copies the two tails of a series (values ≤ a low threshold, values ≥ a high one) into separate buffers in one
/// read. With AVX2 each group of four is packed by a permutation looked up from its comparison mask and stored whole
/// (the buffer advances by the mask's popcount), so the loop has no data-dependent branch; each buffer therefore
/// needs <see cref="Slack"/> spare doubles beyond the series length.
/// </summary>
internal static class TailCompaction
{
    /// <summary>Spare doubles each buffer needs past the series length (a full vector store at the last position).</summary>
    public const int Slack = 4;

    /// <summary>
    /// vpermps indices that move the doubles selected by a 4-bit mask to the front, in order. A static array, not a
    /// ReadOnlySpan&lt;int&gt; property over RVA data: unoptimised (tier-0, Debug) code materialises such a span through
    /// RuntimeHelpers.CreateSpan, which allocates on every call.
    /// </summary>
    private static readonly int[] PackIndices =
    [
        0, 1, 0, 1, 0, 1, 0, 1,
        0, 1, 0, 1, 0, 1, 0, 1,
        2, 3, 0, 1, 0, 1, 0, 1,
        0, 1, 2, 3, 0, 1, 0, 1,
        4, 5, 0, 1, 0, 1, 0, 1,
        0, 1, 4, 5, 0, 1, 0, 1,
        2, 3, 4, 5, 0, 1, 0, 1,
        0, 1, 2, 3, 4, 5, 0, 1,
        6, 7, 0, 1, 0, 1, 0, 1,
        0, 1, 6, 7, 0, 1, 0, 1,
        2, 3, 6, 7, 0, 1, 0, 1,
        0, 1, 2, 3, 6, 7, 0, 1,
        4, 5, 6, 7, 0, 1, 0, 1,
        0, 1, 4, 5, 6, 7, 0, 1,
        2, 3, 4, 5, 6, 7, 0, 1,
        0, 1, 2, 3, 4, 5, 6, 7
    ];

    /// <summary>Writes the tails and returns their lengths (low: x ≤ lowThreshold; high: x ≥ highThreshold).</summary>
    public static (int Low, int High) Compact(ReadOnlySpan<double> x, double lowThreshold, double highThreshold, Span<double> low, Span<double> high)
    {
        var n = x.Length;
        if (low.Length < n + Slack || high.Length < n + Slack)
        {
            throw new ArgumentException("tail buffers need the series length plus slack", nameof(low));
        }

        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var l0 = ref MemoryMarshal.GetReference(low);
        ref var h0 = ref MemoryMarshal.GetReference(high);
        ref var p0 = ref MemoryMarshal.GetArrayDataReference(PackIndices);
        int cLow = 0, cHigh = 0, i = 0;
        if (Avx2.IsSupported)
        {
            var tl = Vector256.Create(lowThreshold);
            var th = Vector256.Create(highThreshold);
            for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref x0, (nuint)i);
                var ml = Vector256.LessThanOrEqual(v, tl).ExtractMostSignificantBits();
                var mh = Vector256.GreaterThanOrEqual(v, th).ExtractMostSignificantBits();
                var pl = Vector256.LoadUnsafe(ref p0, (nuint)(ml * 8));
                var ph = Vector256.LoadUnsafe(ref p0, (nuint)(mh * 8));
                Avx2.PermuteVar8x32(v.AsSingle(), pl).AsDouble().StoreUnsafe(ref l0, (nuint)cLow);
                Avx2.PermuteVar8x32(v.AsSingle(), ph).AsDouble().StoreUnsafe(ref h0, (nuint)cHigh);
                cLow += BitOperations.PopCount(ml);
                cHigh += BitOperations.PopCount(mh);
            }
        }

        for (; i < n; i++)
        {
            // Branch-free: always store, advance only when the value belongs to the tail.
            var v = Unsafe.Add(ref x0, i);
            Unsafe.Add(ref l0, cLow) = v;
            cLow += v <= lowThreshold ? 1 : 0;
            Unsafe.Add(ref h0, cHigh) = v;
            cHigh += v >= highThreshold ? 1 : 0;
        }

        return (cLow, cHigh);
    }
}
