using MathNet.Numerics.LinearAlgebra;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Solvers;

namespace RiskGrpc.Optimization.Scenario;

/// <summary>
/// Mehrotra predictor-corrector for the CVaR LP in x = (w, α, u). Inequalities g(x) − s = h, s ≥ 0, in this order:
/// scenario rows rₜᵀw + α + uₜ ≥ 0 (T), uₜ ≥ 0 (T), finite lower and upper weight bounds, optional μᵀw ≥ target.
/// Newton steps solve (GᵀDG) dx − Eᵀdy = q, E dx = e with the diagonal u-block eliminated (Schur complement on z = (w, α)).
/// </summary>
internal sealed partial class CvarInteriorPoint
{
    private readonly double[,] _r;
    private readonly int _t;
    private readonly int _n;
    private readonly double _scale;
    private readonly int[] _lowerIdx;
    private readonly int[] _upperIdx;
    private readonly double[] _h;
    private readonly double[]? _mu;
    private readonly double _budget;
    private readonly int _m;

    public CvarInteriorPoint(double[,] returns, double beta, PortfolioConstraints c, double[]? mu, double target)
    {
        _r = returns;
        (_t, _n) = (returns.GetLength(0), returns.GetLength(1));
        _scale = 1.0 / (_t * (1 - beta));
        _lowerIdx = Enumerable.Range(0, _n).Where(j => double.IsFinite(c.LowerBounds[j])).ToArray();
        _upperIdx = Enumerable.Range(0, _n).Where(j => double.IsFinite(c.UpperBounds[j])).ToArray();
        _mu = mu;
        _budget = c.Budget;
        _m = (2 * _t) + _lowerIdx.Length + _upperIdx.Length + (mu is null ? 0 : 1);
        _h = new double[_m];
        var k = 2 * _t;
        foreach (var j in _lowerIdx)
        {
            _h[k++] = c.LowerBounds[j];
        }

        foreach (var j in _upperIdx)
        {
            _h[k++] = -c.UpperBounds[j];
        }

        if (mu is not null)
        {
            _h[k] = target;
        }

        Weights = new double[_n];
    }

    public double[] Weights { get; }

    public double Alpha { get; private set; }

    public int Iterations { get; private set; }

    private int Nx => _n + 1 + _t;

    public bool Solve(int maxIterations)
    {
        var x = new double[Nx];
        for (var j = 0; j < _n; j++)
        {
            x[j] = _budget / _n;
        }

        var s = G(x);
        for (var k = 0; k < _m; k++)
        {
            s[k] = Math.Max(s[k] - _h[k], 1.0);
        }

        var lam = Enumerable.Repeat(1.0, _m).ToArray();
        var y = 0.0;
        var c = new double[Nx];
        c[_n] = 1;
        for (var i = 0; i < _t; i++)
        {
            c[_n + 1 + i] = _scale;
        }

        for (var it = 1; it <= maxIterations; it++)
        {
            Iterations = it;
            var gtl = GT(lam);
            var rd = new double[Nx];
            for (var i = 0; i < Nx; i++)
            {
                rd[i] = c[i] - gtl[i] - (i < _n ? y : 0);
            }

            var rp = x.Take(_n).Sum() - _budget;
            var gx = G(x);
            var ri = new double[_m];
            double mu = 0;
            for (var k = 0; k < _m; k++)
            {
                ri[k] = gx[k] - s[k] - _h[k];
                mu += s[k] * lam[k];
            }

            mu /= _m;
            var objective = Math.Abs(x[_n]) + (_scale * x.Skip(_n + 1).Sum(Math.Abs));
            if (rd.Max(Math.Abs) <= 1e-11 && Math.Abs(rp) <= 1e-12 && ri.Max(Math.Abs) <= 1e-12 && mu <= 1e-13 * (1 + objective))
            {
                Array.Copy(x, Weights, _n);
                Alpha = x[_n];
                return true;
            }

            if (!double.IsFinite(mu) || s.Max() > 1e12 || lam.Max() > 1e12)
            {
                return false;
            }

            var d = new double[_m];
            for (var k = 0; k < _m; k++)
            {
                d[k] = lam[k] / s[k];
            }

            var rc = new double[_m];
            for (var k = 0; k < _m; k++)
            {
                rc[k] = s[k] * lam[k];
            }

            var (dx, dy, ds, dl) = Direction(d, s, lam, rd, rp, ri, rc);
            var aAff = FractionToBoundary.Step(s, ds, lam, dl, 1.0);
            double muAff = 0;
            for (var k = 0; k < _m; k++)
            {
                muAff += (s[k] + (aAff * ds[k])) * (lam[k] + (aAff * dl[k]));
            }

            var sigma = Math.Pow(muAff / _m / mu, 3);
            for (var k = 0; k < _m; k++)
            {
                rc[k] += (ds[k] * dl[k]) - (sigma * mu);
            }

            (dx, dy, ds, dl) = Direction(d, s, lam, rd, rp, ri, rc);
            var a = FractionToBoundary.Step(s, ds, lam, dl, 0.995);
            for (var i = 0; i < Nx; i++)
            {
                x[i] += a * dx[i];
            }

            y += a * dy;
            for (var k = 0; k < _m; k++)
            {
                s[k] += a * ds[k];
                lam[k] += a * dl[k];
            }
        }

        return false;
    }

    /// <summary>Solves the reduced Newton system; returns (dx, dy, ds, dλ).</summary>
    private (double[] Dx, double Dy, double[] Ds, double[] Dl) Direction(double[] d, double[] s, double[] lam, double[] rd, double rp, double[] ri, double[] rc)
    {
        // q = −rd − Gᵀ(D·ri + rc/s)
        var v = new double[_m];
        for (var k = 0; k < _m; k++)
        {
            v[k] = (d[k] * ri[k]) + (rc[k] / s[k]);
        }

        var gtv = GT(v);
        var q = new double[Nx];
        for (var i = 0; i < Nx; i++)
        {
            q[i] = -rd[i] - gtv[i];
        }

        // Eliminate u: M_uu = dA + dB (diagonal), M_uz row t = dA·ρₜ with ρₜ = (rₜ, 1).
        var nz = _n + 1;
        var kkt = Matrix<double>.Build.Dense(nz + 1, nz + 1);
        var rhs = Vector<double>.Build.Dense(nz + 1);
        for (var i = 0; i < nz; i++)
        {
            rhs[i] = q[i];
        }

        var rho = new double[nz];
        for (var t = 0; t < _t; t++)
        {
            var dA = d[t];
            var muu = dA + d[_t + t];
            var weight = dA - (dA * dA / muu);
            var qu = q[nz + t];
            for (var j = 0; j < _n; j++)
            {
                rho[j] = _r[t, j];
            }

            rho[_n] = 1;
            for (var i = 0; i < nz; i++)
            {
                rhs[i] -= dA * rho[i] * qu / muu;
                for (var j = 0; j <= i; j++)
                {
                    kkt[i, j] += weight * rho[i] * rho[j];
                }
            }
        }

        var k0 = 2 * _t;
        foreach (var j in _lowerIdx)
        {
            kkt[j, j] += d[k0++];
        }

        foreach (var j in _upperIdx)
        {
            kkt[j, j] += d[k0++];
        }

        if (_mu is not null)
        {
            for (var i = 0; i < _n; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    kkt[i, j] += d[k0] * _mu[i] * _mu[j];
                }
            }
        }

        for (var i = 0; i < nz; i++)
        {
            for (var j = 0; j < i; j++)
            {
                kkt[j, i] = kkt[i, j];
            }
        }

        // Budget row E = (1ᵀ, 0): [M −Eᵀ; E 0].
        for (var j = 0; j < _n; j++)
        {
            kkt[j, nz] = -1;
            kkt[nz, j] = 1;
        }

        rhs[nz] = -rp;
        var sol = kkt.LU().Solve(rhs);
        var dx = new double[Nx];
        for (var i = 0; i < nz; i++)
        {
            dx[i] = sol[i];
        }

        for (var t = 0; t < _t; t++)
        {
            var dA = d[t];
            var muu = dA + d[_t + t];
            double rz = dx[_n];
            for (var j = 0; j < _n; j++)
            {
                rz += _r[t, j] * dx[j];
            }

            dx[nz + t] = (q[nz + t] - (dA * rz)) / muu;
        }

        var gdx = G(dx);
        var dl = new double[_m];
        var ds = new double[_m];
        for (var k = 0; k < _m; k++)
        {
            dl[k] = (-d[k] * (gdx[k] + ri[k])) - (rc[k] / s[k]);
            ds[k] = (-rc[k] - (s[k] * dl[k])) / lam[k];
        }

        return (dx, sol[nz], ds, dl);
    }
}
