using System.Numerics;
using System.Runtime.InteropServices;

namespace RiskGrpc.Optimization.Solvers;

/// <summary>Plane rotation of two equal-length vectors, vectorised: (a, b) ← (c·a + s·b, −s·a + c·b).</summary>
internal static class Rotation
{
    public static void Apply(Span<double> a, Span<double> b, double c, double s)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
            var vc = new Vector<double>(c);
            var vs = new Vector<double>(s);
            for (var k = 0; k < va.Length; k++)
            {
                var x = va[k];
                var y = vb[k];
                va[k] = (vc * x) + (vs * y);
                vb[k] = (vc * y) - (vs * x);
            }

            i = va.Length * Vector<double>.Count;
        }

        for (; i < a.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            a[i] = (c * x) + (s * y);
            b[i] = (c * y) - (s * x);
        }
    }
}
