using MathNet.Numerics.LinearAlgebra;

namespace RiskGrpc.Optimization.Estimators;

/// <summary>Tests and repairs positive (semi)definiteness of a symmetric matrix, as PyPortfolioOpt's <c>fix_nonpositive_semidefinite</c>.</summary>
public static class CovarianceRepair
{
    /// <summary>True if a Cholesky factorisation of <c>S + 1e-16·I</c> succeeds (PyPortfolioOpt's test).</summary>
    public static bool IsPositiveDefinite(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        var flat = DenseMath.Flatten(matrix);
        for (var i = 0; i < n; i++)
        {
            flat[(i * n) + i] += 1e-16;
        }

        return DenseMath.CholeskyInPlace(flat, n);
    }

    /// <summary>
    /// Spectral repair: S = VΛVᵀ with negative eigenvalues replaced by 0 (<paramref name="method"/> = Spectral), or
    /// S − 1.1·λ_min·I (Diagonal). A matrix that is already positive definite is returned unchanged (a copy).
    /// </summary>
    public static double[,] Repair(double[,] matrix, CovarianceRepairMethod method = CovarianceRepairMethod.Spectral)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        Guard.Square(matrix, matrix.GetLength(0), "covariance");
        Guard.Symmetric(matrix, "covariance");
        if (IsPositiveDefinite(matrix))
        {
            return (double[,])matrix.Clone();
        }

        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var evd = m.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        Matrix<double> fixedMatrix;
        if (method == CovarianceRepairMethod.Spectral)
        {
            var clipped = Vector<double>.Build.DenseOfEnumerable(values.Select(v => Math.Max(v, 0)));
            fixedMatrix = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(clipped) * evd.EigenVectors.Transpose();
        }
        else
        {
            fixedMatrix = m - (1.1 * values.Min() * Matrix<double>.Build.DenseIdentity(m.RowCount));
        }

        return fixedMatrix.ToArray();
    }
}
