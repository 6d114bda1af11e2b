using MathNet.Numerics.LinearAlgebra;

namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// Dense primal-dual interior point with Mehrotra's predictor-corrector, the independent cross-check of
/// <see cref="GoldfarbIdnaniSolver"/>. Inequalities (bounds included) become Gx − s = h, s ≥ 0; each Newton step solves the
/// reduced KKT system [H + GᵀDG, −Aᵀ; A, 0] with D = diag(λ/s). Accepts a positive semidefinite H. Weights come out
/// within ~1e-9 of the optimum, not exactly on the active bounds.
/// </summary>
internal sealed class InteriorPointSolver : IQuadraticProgramSolver
{
    private const int MaxIterations = 200;

    public string Name => "interior-point";

    public QpSolution Solve(QuadraticProgram problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Dimension;
        var (g, h, names) = Inequalities(problem);
        var m = h.Count;
        var p = problem.Equalities.Count;
        var hess = Matrix<double>.Build.Dense(n, n, (i, j) => problem.Hessian[(i * n) + j]);
        var gm = Matrix<double>.Build.Dense(m, n, (i, j) => g[i][j]);
        var am = Matrix<double>.Build.Dense(p, n, (i, j) => problem.Equalities[i].Coefficients[j]);
        var b = Vector<double>.Build.Dense(p, i => problem.Equalities[i].Bound);
        var hv = Vector<double>.Build.DenseOfEnumerable(h);
        var c = Vector<double>.Build.DenseOfArray(problem.Linear);

        var x = Vector<double>.Build.Dense(n);
        var y = Vector<double>.Build.Dense(p);
        var s = (gm * x - hv).Map(v => Math.Max(v, 1.0));
        var lam = Vector<double>.Build.Dense(m, 1.0);
        var scale = 1.0 + c.InfinityNorm() + (m > 0 ? hv.InfinityNorm() : 0) + (p > 0 ? b.InfinityNorm() : 0);

        for (var it = 1; it <= MaxIterations; it++)
        {
            var rd = hess * x + c - am.TransposeThisAndMultiply(y) - gm.TransposeThisAndMultiply(lam);
            var rp = am * x - b;
            var ri = gm * x - s - hv;
            var mu = m > 0 ? s.DotProduct(lam) / m : 0.0;
            if (rd.InfinityNorm() <= 1e-11 * scale && (p == 0 || rp.InfinityNorm() <= 1e-11 * scale)
                && (m == 0 || ri.InfinityNorm() <= 1e-11 * scale) && mu <= 1e-13 * scale)
            {
                var active = problem.Equalities.Select((e, i) => new ActiveConstraint(e.Name, ActiveConstraintKind.Equality, i, y[i])).ToList();
                for (var k = 0; k < m; k++)
                {
                    if (s[k] < lam[k])
                    {
                        active.Add(new ActiveConstraint(names[k].Name, names[k].Kind, names[k].Index, lam[k]));
                    }
                }

                var xs = x.ToArray();
                var obj = (0.5 * DenseMath.QuadraticForm(problem.Hessian, n, xs)) + c.DotProduct(x);
                return new QpSolution(QpStatus.Optimal, xs, obj, it, active, Name);
            }

            if (!double.IsFinite(mu) || s.AbsoluteMaximum() > 1e14 || lam.AbsoluteMaximum() > 1e14 * scale)
            {
                break;
            }

            var d = lam.PointwiseDivide(s);
            var kkt = Matrix<double>.Build.Dense(n + p, n + p);
            kkt.SetSubMatrix(0, 0, hess + gm.TransposeThisAndMultiply(Matrix<double>.Build.DiagonalOfDiagonalVector(d) * gm));
            if (p > 0)
            {
                kkt.SetSubMatrix(0, n, -am.Transpose());
                kkt.SetSubMatrix(n, 0, am);
            }

            var lu = kkt.LU();

            // Predictor (affine scaling), then Mehrotra's corrector with σ = (μ_aff/μ)³.
            var rc = s.PointwiseMultiply(lam);
            var (dx, dy, ds, dl) = Direction(lu, gm, d, s, lam, rd, rp, ri, rc, n, p);
            var alphaAff = FractionToBoundary.Step(Values(s), Values(ds), Values(lam), Values(dl), 1.0);
            var muAff = m > 0 ? (s + alphaAff * ds).DotProduct(lam + alphaAff * dl) / m : 0.0;
            var sigma = mu > 0 ? Math.Pow(muAff / mu, 3) : 0.0;
            rc = rc + ds.PointwiseMultiply(dl) - (sigma * mu);
            (dx, dy, ds, dl) = Direction(lu, gm, d, s, lam, rd, rp, ri, rc, n, p);
            var alpha = FractionToBoundary.Step(Values(s), Values(ds), Values(lam), Values(dl), 0.995);
            x += alpha * dx;
            y += alpha * dy;
            s += alpha * ds;
            lam += alpha * dl;
        }

        // Diverging iterates or no convergence: an infeasible or unbounded problem in practice.
        return new QpSolution(QpStatus.Infeasible, x.ToArray(), double.NaN, MaxIterations, [], Name, "interior point did not converge (problem infeasible or unbounded)");
    }

    private static (Vector<double> Dx, Vector<double> Dy, Vector<double> Ds, Vector<double> Dl) Direction(
        MathNet.Numerics.LinearAlgebra.Factorization.LU<double> lu, Matrix<double> gm, Vector<double> d, Vector<double> s, Vector<double> lam,
        Vector<double> rd, Vector<double> rp, Vector<double> ri, Vector<double> rc, int n, int p)
    {
        var top = -rd - gm.TransposeThisAndMultiply(d.PointwiseMultiply(ri) + rc.PointwiseDivide(s));
        var rhs = Vector<double>.Build.Dense(n + p);
        rhs.SetSubVector(0, n, top);
        if (p > 0)
        {
            rhs.SetSubVector(n, p, -rp);
        }

        var sol = lu.Solve(rhs);
        var dx = sol.SubVector(0, n);
        var dy = p > 0 ? sol.SubVector(n, p) : Vector<double>.Build.Dense(0);
        var dl = -d.PointwiseMultiply(gm * dx + ri) - rc.PointwiseDivide(s);
        var ds = (-rc - s.PointwiseMultiply(dl)).PointwiseDivide(lam);
        return (dx, dy, ds, dl);
    }

    private static (List<double[]> G, List<double> H, List<(string Name, ActiveConstraintKind Kind, int Index)> Names) Inequalities(QuadraticProgram problem)
    {
        var n = problem.Dimension;
        var g = new List<double[]>();
        var h = new List<double>();
        var names = new List<(string Name, ActiveConstraintKind Kind, int Index)>();
        for (var i = 0; i < n; i++)
        {
            if (!double.IsNegativeInfinity(problem.LowerBounds[i]))
            {
                var row = new double[n];
                row[i] = 1;
                g.Add(row);
                h.Add(problem.LowerBounds[i]);
                names.Add(($"lower bound of {problem.VariableName(i)}", ActiveConstraintKind.LowerBound, i));
            }

            if (!double.IsPositiveInfinity(problem.UpperBounds[i]))
            {
                var row = new double[n];
                row[i] = -1;
                g.Add(row);
                h.Add(-problem.UpperBounds[i]);
                names.Add(($"upper bound of {problem.VariableName(i)}", ActiveConstraintKind.UpperBound, i));
            }
        }

        for (var r = 0; r < problem.Inequalities.Count; r++)
        {
            var row = problem.Inequalities[r];
            g.Add(row.Coefficients);
            h.Add(row.Bound);
            names.Add((row.Name, ActiveConstraintKind.Inequality, r));
        }

        return (g, h, names);
    }

    /// <summary>A dense vector's own storage (no copy); any other storage is copied.</summary>
    private static double[] Values(Vector<double> v) => v.AsArray() ?? v.ToArray();
}
