using System.Numerics.Tensors;

namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// Cholesky factor L of H restricted to an ordered subset F of its rows/columns, updated as F grows (one forward
/// substitution, O(|F|²)) or shrinks (a rank-one update of the trailing block, O(|F|²)). Row-major with stride n.
/// </summary>
internal sealed class GrowingCholesky
{
    private readonly double[] _h;
    private readonly int _n;
    private readonly double[] _l;
    private readonly List<int> _members = [];
    private readonly double[] _work;

    public GrowingCholesky(double[] hessian, int n)
    {
        _h = hessian;
        _n = n;
        _l = new double[n * n];
        _work = new double[n];
    }

    /// <summary>Variables in F, in factor order.</summary>
    public IReadOnlyList<int> Members => _members;

    public int Count => _members.Count;

    /// <summary>Appends variable j; returns false if H_FF would not be positive definite.</summary>
    public bool Add(int j)
    {
        var m = _members.Count;
        var row = _l.AsSpan(m * _n, m + 1);
        for (var k = 0; k < m; k++)
        {
            var lk = _l.AsSpan(k * _n, k);
            row[k] = (_h[(_members[k] * _n) + j] - TensorPrimitives.Dot(lk, row[..k])) / _l[(k * _n) + k];
        }

        var d = _h[(j * _n) + j] - TensorPrimitives.Dot(row[..m], row[..m]);
        if (!(d > 1e-14 * Math.Abs(_h[(j * _n) + j])))
        {
            return false;
        }

        row[m] = Math.Sqrt(d);
        _members.Add(j);
        return true;
    }

    /// <summary>Removes the variable at factor position q.</summary>
    public void RemoveAt(int q)
    {
        var m = _members.Count;

        // Trailing block T (rows/cols after q) must absorb column q: T Tᵀ + v vᵀ, v = L[q+1.., q] (cholupdate).
        var len = m - q - 1;
        var v = _work.AsSpan(0, len);
        for (var i = 0; i < len; i++)
        {
            v[i] = _l[((q + 1 + i) * _n) + q];
        }

        for (var k = 0; k < len; k++)
        {
            var rk = q + 1 + k;
            var lkk = _l[(rk * _n) + rk];
            var r = double.Hypot(lkk, v[k]);
            var c = r / lkk;
            var s = v[k] / lkk;
            _l[(rk * _n) + rk] = r;
            for (var i = k + 1; i < len; i++)
            {
                var idx = ((q + 1 + i) * _n) + rk;
                _l[idx] = (_l[idx] + (s * v[i])) / c;
                v[i] = (c * v[i]) - (s * _l[idx]);
            }
        }

        // Close the gap: drop row q, then column q from the rows below.
        for (var i = q; i < m - 1; i++)
        {
            var dst = _l.AsSpan(i * _n, _n);
            var src = _l.AsSpan((i + 1) * _n, _n);
            src[..q].CopyTo(dst);
            src.Slice(q + 1, i + 1 - q).CopyTo(dst[q..]);
            dst.Slice(i + 1, _n - i - 1).Clear();
        }

        _l.AsSpan((m - 1) * _n, _n).Clear();
        _members.RemoveAt(q);
    }

    /// <summary>Solves H_FF x = b in place (b has length |F|).</summary>
    public void Solve(Span<double> b)
    {
        var m = _members.Count;
        for (var i = 0; i < m; i++)
        {
            b[i] = (b[i] - TensorPrimitives.Dot(_l.AsSpan(i * _n, i), b[..i])) / _l[(i * _n) + i];
        }

        for (var i = m - 1; i >= 0; i--)
        {
            b[i] /= _l[(i * _n) + i];
            if (i > 0)
            {
                TensorPrimitives.MultiplyAdd(_l.AsSpan(i * _n, i), -b[i], b[..i], b[..i]);
            }
        }
    }
}
