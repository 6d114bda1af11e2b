using System.Numerics.Tensors;

namespace RiskGrpc.Optimization;

/// <summary>Small dense kernels on row-major arrays (n×n stored as n·n doubles). No allocation unless stated.</summary>
internal static class DenseMath
{
    /// <summary>In-place Cholesky A = L Lᵀ of a row-major SPD matrix; the lower triangle receives L, the upper is zeroed.
    /// Returns false if a pivot is not strictly positive (A not positive definite).</summary>
    public static bool CholeskyInPlace(Span<double> a, int n)
    {
        for (var i = 0; i < n; i++)
        {
            var rowI = a.Slice(i * n, n);
            for (var j = 0; j <= i; j++)
            {
                var rowJ = a.Slice(j * n, n);
                var sum = rowI[j] - TensorPrimitives.Dot(rowI[..j], rowJ[..j]);
                if (i == j)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return false;
                    }

                    rowI[i] = Math.Sqrt(sum);
                }
                else
                {
                    rowI[j] = sum / rowJ[j];
                }
            }

            rowI[(i + 1)..].Clear();
        }

        return true;
    }

    /// <summary>Solves L Lᵀ x = b in place given the Cholesky factor from <see cref="CholeskyInPlace"/>.</summary>
    public static void CholeskySolveInPlace(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (var i = 0; i < n; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot(l.Slice(i * n, i), b[..i])) / l[(i * n) + i];
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * b[k];
            }

            b[i] = sum / l[(i * n) + i];
        }
    }

    /// <summary>y = A x for row-major n×n A.</summary>
    public static void MatVec(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < n; i++)
        {
            y[i] = TensorPrimitives.Dot(a.Slice(i * n, n), x);
        }
    }

    /// <summary>xᵀ A x for row-major n×n A.</summary>
    public static double QuadraticForm(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += x[i] * TensorPrimitives.Dot(a.Slice(i * n, n), x);
        }

        return sum;
    }

    /// <summary>Copies a 2-D matrix into a new row-major array.</summary>
    public static double[] Flatten(double[,] m)
    {
        var rows = m.GetLength(0);
        var cols = m.GetLength(1);
        var flat = new double[rows * cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                flat[(i * cols) + j] = m[i, j];
            }
        }

        return flat;
    }

    /// <summary>Copies a row-major n×n array into a new 2-D matrix.</summary>
    public static double[,] Unflatten(ReadOnlySpan<double> flat, int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = flat[(i * n) + j];
            }
        }

        return m;
    }
}
