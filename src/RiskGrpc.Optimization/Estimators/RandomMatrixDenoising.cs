using MathNet.Numerics.LinearAlgebra;

namespace RiskGrpc.Optimization.Estimators;

/// <summary>
/// Random-matrix denoising with constant residual eigenvalues (López de Prado; Riskfolio's <c>denoiseCov(method='fixed')</c>).
/// The correlation's eigenvalues above the Marčenko-Pastur edge λ₊ = σ²(1 + √(N/T))² are kept; the rest are replaced by
/// their average, the matrix is rescaled to unit diagonal and turned back into a covariance with the original volatilities.
/// σ² = 1 − λ_max/N (the analytic variance left after the market factor) rather than Riskfolio's kernel-density fit,
/// so the edge, and hence the result, may differ slightly from Riskfolio's.
/// </summary>
public static class RandomMatrixDenoising
{
    /// <summary>Denoises <paramref name="covariance"/> estimated from <paramref name="observations"/> rows.</summary>
    public static double[,] Denoise(double[,] covariance, int observations)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        Guard.Square(covariance, n, "covariance");
        if (observations < 2)
        {
            throw Guard.Invalid("denoising needs at least two observations", "observations");
        }

        var std = new double[n];
        var corr = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            std[i] = Math.Sqrt(covariance[i, i]);
            if (!(std[i] > 0))
            {
                throw Guard.Invalid($"variance of asset {i} is not positive", "covariance");
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                corr[i, j] = covariance[i, j] / (std[i] * std[j]);
            }
        }

        var evd = corr.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var lambdaMax = values.Max();
        var sigma2 = Math.Max(1e-12, 1 - (lambdaMax / n));
        var edge = sigma2 * Math.Pow(1 + Math.Sqrt(n / (double)observations), 2);
        var noise = values.Where(v => v <= edge).ToArray();
        if (noise.Length > 0)
        {
            var average = noise.Average();
            for (var k = 0; k < n; k++)
            {
                if (values[k] <= edge)
                {
                    values[k] = average;
                }
            }
        }

        var rebuilt = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalArray(values) * evd.EigenVectors.Transpose();
        var result = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var c = rebuilt[i, j] / Math.Sqrt(rebuilt[i, i] * rebuilt[j, j]);
                result[i, j] = c * std[i] * std[j];
            }
        }

        return result;
    }
}
