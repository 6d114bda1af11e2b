using System.Numerics.Tensors;

namespace RiskGrpc.Kernel;

/// <summary>
/// Means and population (divide-by-n) second moments of a pair of aligned series r and b, computed two-pass with
/// TensorPrimitives over centred copies.
/// </summary>
internal readonly struct PairMoments
{
    /// <summary>
    /// empyrical's <c>beta_aligned</c> treats a benchmark variance below this as zero and returns NaN rather than a
    /// ratio of rounding noise.
    /// </summary>
    public const double MinBenchmarkVariance = 1.0e-30;

    private PairMoments(int count, double meanR, double meanB, double varR, double varB, double cov)
    {
        Count = count;
        MeanR = meanR;
        MeanB = meanB;
        VarR = varR;
        VarB = varB;
        Cov = cov;
    }

    public int Count { get; }

    public double MeanR { get; }

    public double MeanB { get; }

    /// <summary>Σ(r − mean r)² / n.</summary>
    public double VarR { get; }

    /// <summary>Σ(b − mean b)² / n.</summary>
    public double VarB { get; }

    /// <summary>Σ(r − mean r)(b − mean b) / n.</summary>
    public double Cov { get; }

    /// <summary>cov / var(b); NaN when n &lt; 2 or var(b) &lt; <see cref="MinBenchmarkVariance"/> (empyrical).</summary>
    public double Beta => Count < 2 || !(VarB >= MinBenchmarkVariance) ? double.NaN : Cov / VarB;

    /// <summary>Pearson correlation clamped to [−1, 1] (as scipy's linregress); NaN when either side is constant.</summary>
    public double Correlation
    {
        get
        {
            var c = Cov / (Math.Sqrt(VarR) * Math.Sqrt(VarB));
            return double.IsNaN(c) ? c : Math.Clamp(c, -1.0, 1.0);
        }
    }

    /// <summary>
    /// Computes the moments. <paramref name="centredR"/> and <paramref name="centredB"/> receive r − mean r and
    /// b − mean b; they may be exactly the input spans (in place) but must not partially overlap them.
    /// </summary>
    public static PairMoments Compute(ReadOnlySpan<double> r, ReadOnlySpan<double> b, Span<double> centredR, Span<double> centredB)
    {
        var n = r.Length;
        if (n == 0)
        {
            return new PairMoments(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var meanR = Centre(r, centredR[..n]);
        var meanB = Centre(b, centredB[..n]);
        var cr = centredR[..n];
        var cb = centredB[..n];
        return new PairMoments(
            n,
            meanR,
            meanB,
            TensorPrimitives.SumOfSquares<double>(cr) / n,
            TensorPrimitives.SumOfSquares<double>(cb) / n,
            TensorPrimitives.Dot<double>(cr, cb) / n);
    }

    /// <summary>
    /// Writes x − mean(x) into <paramref name="destination"/> and returns the mean. The mean is taken as
    /// x₀ + mean(x − x₀): shifting by a sample keeps the sum small, and a constant series centres to exact zeros, so
    /// its spread is exactly 0 (sum/n alone may round away from the constant).
    /// </summary>
    public static double Centre(ReadOnlySpan<double> x, Span<double> destination)
    {
        var x0 = x[0];
        TensorPrimitives.Subtract(x, x0, destination);
        var shiftedMean = TensorPrimitives.Sum<double>(destination) / x.Length;
        TensorPrimitives.Subtract(destination, shiftedMean, destination);
        return x0 + shiftedMean;
    }
}
