using MathNet.Numerics.Distributions;

namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>Tail risk and quantiles of the plain reference: a full sort, then the catalogue's definitions.</summary>
internal static partial class ScalarReferenceMetrics
{
    public static TailRiskMetrics Tail(double[] r, double c)
    {
        var n = r.Length;
        if (n == 0)
        {
            return new TailRiskMetrics { Confidence = c, VarHistorical = double.NaN, CvarHistorical = double.NaN, VarGaussian = double.NaN, CvarGaussian = double.NaN, VarCornishFisher = double.NaN, CvarQuantstats = double.NaN };
        }

        var m = Compute(r, 252, 0);
        var sorted = (double[])r.Clone();
        Array.Sort(sorted);
        var p = 1 - c;
        var k = (int)Math.Floor((n - 1) * p) + 1;
        var z = Normal.InvCDF(0, 1, p);
        var s = m.SkewBiased;
        var kk = m.KurtosisBiased;
        var zcf = z + ((z * z) - 1) * s / 6 + (Math.Pow(z, 3) - (3 * z)) * kk / 24 - ((2 * Math.Pow(z, 3)) - (5 * z)) * s * s / 36;
        return new TailRiskMetrics
        {
            Confidence = c,
            VarHistorical = Quantile(sorted, p),
            CvarHistorical = sorted.Take(k).Average(),
            VarGaussian = m.Mean + (m.Stdev * z),
            CvarGaussian = m.Mean - (m.Stdev * Normal.PDF(0, 1, z) / p),
            VarCornishFisher = m.Mean + (m.Stdev * zcf),
            CvarQuantstats = CvarQuantstats(r, c),
        };
    }

    /// <summary>QuantStats' CVaR: mean of x strictly below mean + sd·Φ⁻¹(1 − c) (sample sd), else that VaR.</summary>
    public static double CvarQuantstats(double[] x, double c)
    {
        var n = x.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        var mean = x.Average();
        if (x.Min() == x.Max())
        {
            mean = x[0];
        }

        var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var v = mean + (sd * Normal.InvCDF(0, 1, 1 - c));
        var below = x.Where(t => t < v).ToArray();
        return below.Length > 0 ? below.Average() : v;
    }

    /// <summary>numpy.quantile(method='linear') on a sorted array, with numpy's two-sided lerp.</summary>
    public static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var g = h - lo;
        var diff = sorted[hi] - sorted[lo];
        return g >= 0.5 ? sorted[hi] - (diff * (1 - g)) : sorted[lo] + (diff * g);
    }
}
