using System.Numerics.Tensors;

namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// The factorisation Goldfarb and Idnani (1983) maintain for the active set: with H = L Lᵀ and N the matrix of active
/// normals, <c>J = L⁻ᵀ Q</c> and <c>Lᵀ⁻¹... Qᵀ L⁻¹ N = [R; 0]</c>, R upper triangular (iq×iq). The first iq columns of J span
/// the active normals in the H-metric; the rest span their null space. J and R are column-major so every update is a
/// contiguous axpy or a rotation of two contiguous columns.
/// </summary>
internal sealed class ActiveSetFactorization
{
    private readonly int _n;
    private readonly double[] _j;
    private readonly double[] _r;

    public ActiveSetFactorization(int n)
    {
        _n = n;
        _j = new double[n * n];
        _r = new double[n * n];
    }

    /// <summary>Number of active constraints (columns of R).</summary>
    public int ActiveCount { get; private set; }

    /// <summary>Largest |R[i,i]| seen; scales the linear-dependence test.</summary>
    public double RNorm { get; private set; } = 1.0;

    /// <summary>Sets J = L⁻ᵀ from the row-major Cholesky factor L and empties the active set.</summary>
    public void Initialize(ReadOnlySpan<double> l)
    {
        // Row i of X = L⁻¹ is (eᵢ − Σₖ<ᵢ L[i,k] X[k,:]) / L[i,i]; stored row-major, X is exactly J = Xᵀ column-major.
        var n = _n;
        Array.Clear(_j);
        for (var i = 0; i < n; i++)
        {
            var row = _j.AsSpan(i * n, i + 1);
            row[i] = 1.0;
            for (var k = 0; k < i; k++)
            {
                var lik = l[(i * n) + k];
                if (lik != 0.0)
                {
                    TensorPrimitives.MultiplyAdd(_j.AsSpan(k * n, i + 1), -lik, row, row);
                }
            }

            TensorPrimitives.Multiply(row, 1.0 / l[(i * n) + i], row);
        }

        ActiveCount = 0;
        RNorm = 1.0;
    }

    /// <summary>d = Jᵀa for a dense normal a.</summary>
    public void ComputeD(ReadOnlySpan<double> a, Span<double> d)
    {
        for (var c = 0; c < _n; c++)
        {
            d[c] = TensorPrimitives.Dot(_j.AsSpan(c * _n, _n), a);
        }
    }

    /// <summary>d = Jᵀ(sign·e_index) for a bound's unit normal: one row of J.</summary>
    public void ComputeDUnit(int index, double sign, Span<double> d)
    {
        for (var c = 0; c < _n; c++)
        {
            d[c] = sign * _j[(c * _n) + index];
        }
    }

    /// <summary>Primal step z = J₂ d₂ (null-space columns). Returns ‖d₂‖² to judge whether z vanishes.</summary>
    public double ComputeZ(ReadOnlySpan<double> d, Span<double> z)
    {
        z.Clear();
        var norm2 = 0.0;
        for (var c = ActiveCount; c < _n; c++)
        {
            var dc = d[c];
            if (dc != 0.0)
            {
                TensorPrimitives.MultiplyAdd(_j.AsSpan(c * _n, _n), dc, z, z);
                norm2 += dc * dc;
            }
        }

        return norm2;
    }

    /// <summary>Dual step r = R⁻¹ d₁ by back substitution.</summary>
    public void ComputeR(ReadOnlySpan<double> d, Span<double> r)
    {
        for (var i = ActiveCount - 1; i >= 0; i--)
        {
            var sum = d[i];
            for (var k = i + 1; k < ActiveCount; k++)
            {
                sum -= _r[i + (k * _n)] * r[k];
            }

            r[i] = sum / _r[i + (i * _n)];
        }
    }

    /// <summary>
    /// Appends the constraint whose d = Jᵀa is given (d is overwritten): rotations zero d[iq+1..] and J follows, then d[0..iq]
    /// becomes the new column of R. Returns false if the new normal is linearly dependent on the active ones.
    /// </summary>
    public bool Add(Span<double> d)
    {
        var iq = ActiveCount;
        for (var j = _n - 1; j >= iq + 1; j--)
        {
            var cc = d[j - 1];
            var ss = d[j];
            if (ss == 0.0)
            {
                continue;
            }

            var h = double.Hypot(cc, ss);
            d[j] = 0.0;
            d[j - 1] = h;
            RotateColumns(_j, j - 1, j, cc / h, ss / h, 0, _n);
        }

        for (var i = 0; i <= iq; i++)
        {
            _r[i + (iq * _n)] = d[i];
        }

        ActiveCount = iq + 1;
        if (Math.Abs(d[iq]) <= 1e-14 * RNorm)
        {
            return false;
        }

        RNorm = Math.Max(RNorm, Math.Abs(d[iq]));
        return true;
    }

    /// <summary>Removes the active constraint at position <paramref name="position"/> and restores R to triangular form.</summary>
    public void Remove(int position)
    {
        var n = _n;
        var iq = ActiveCount;
        for (var k = position; k < iq - 1; k++)
        {
            _r.AsSpan((k + 1) * n, k + 2).CopyTo(_r.AsSpan(k * n, k + 2));
        }

        _r.AsSpan((iq - 1) * n, n).Clear();
        ActiveCount = iq - 1;

        // R is now upper Hessenberg from column `position`; a rotation of rows (j, j+1) clears each subdiagonal entry.
        for (var j = position; j < ActiveCount; j++)
        {
            var cc = _r[j + (j * n)];
            var ss = _r[j + 1 + (j * n)];
            if (ss == 0.0)
            {
                continue;
            }

            var h = double.Hypot(cc, ss);
            cc /= h;
            ss /= h;
            _r[j + (j * n)] = h;
            _r[j + 1 + (j * n)] = 0.0;
            for (var k = j + 1; k < ActiveCount; k++)
            {
                var t1 = _r[j + (k * n)];
                var t2 = _r[j + 1 + (k * n)];
                _r[j + (k * n)] = (cc * t1) + (ss * t2);
                _r[j + 1 + (k * n)] = (-ss * t1) + (cc * t2);
            }

            RotateColumns(_j, j, j + 1, cc, ss, 0, n);
        }
    }

    /// <summary>Applies the rotation [c s; −s c] to columns a and b of a column-major matrix.</summary>
    private void RotateColumns(double[] m, int a, int b, double c, double s, int from, int to)
    {
        var colA = m.AsSpan((a * _n) + from, to - from);
        var colB = m.AsSpan((b * _n) + from, to - from);
        Rotation.Apply(colA, colB, c, s);
    }
}
