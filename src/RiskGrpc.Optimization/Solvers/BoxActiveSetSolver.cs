using System.Numerics.Tensors;

namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// Primal active-set method for the common portfolio shape: bounds plus exactly one equality row (budget, or the excess
/// return normalisation of max Sharpe) and no other rows. Variables are either fixed at a bound or free; each step solves
/// the equality-constrained QP over the free set F with a Cholesky factor of H_FF that is updated, not refactored, so a
/// step costs O(n·|F|) instead of the O(n²) of a dual method over all n variables. Exact active sets, like
/// Goldfarb-Idnani. Other shapes, or a breakdown (singular reduced system, cycling), are handed to <paramref name="fallback"/>.
/// </summary>
internal sealed class BoxActiveSetSolver(IQuadraticProgramSolver fallback) : IQuadraticProgramSolver
{
    public string Name => "box-active-set";

    public QpSolution Solve(QuadraticProgram problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Equalities.Count != 1 || problem.Inequalities.Count != 0)
        {
            return fallback.Solve(problem);
        }

        return Run(problem) ?? fallback.Solve(problem);
    }

    private QpSolution? Run(QuadraticProgram p)
    {
        var n = p.Dimension;
        var h = p.Hessian;
        var a = p.Equalities[0].Coefficients;
        var (l, u) = (p.LowerBounds, p.UpperBounds);
        var x = new double[n];
        var free = new bool[n];
        var last = Start(p, x);
        if (last < 0)
        {
            return new QpSolution(QpStatus.Infeasible, x, double.NaN, 0, [], Name, $"bounds cannot satisfy {p.Equalities[0].Name}");
        }

        var chol = new GrowingCholesky(h, n);
        for (var i = 0; i < n; i++)
        {
            if (i == last || (x[i] > l[i] && x[i] < u[i]))
            {
                free[i] = true;
                if (!chol.Add(i))
                {
                    return null;
                }
            }
        }

        var hx = new double[n];
        var c = new double[n];
        var y = new double[n];
        var z = new double[n];
        var lambda = 0.0;
        var stationary = false;
        var maxIterations = (10 * n) + 100;
        var gScale = 1 + Math.Abs(TensorPrimitives.MaxMagnitude(p.Linear)); // MaxMagnitude returns the signed element
        var aScale = Math.Abs(TensorPrimitives.MaxMagnitude(a));
        for (var it = 1; it <= maxIterations; it++)
        {
            var f = chol.Members;
            var m = f.Count;
            if (!stationary)
            {
                // x_F* = −H⁻¹(c_F − λa_F), c_F = g_F + H_FW x_W, with λ fixed by a_Fᵀx_F = b − a_Wᵀx_W.
                FixedGradient(p, x, free, hx);
                double beta = p.Equalities[0].Bound;
                for (var i = 0; i < n; i++)
                {
                    if (!free[i])
                    {
                        beta -= a[i] * x[i];
                    }
                }

                for (var k = 0; k < m; k++)
                {
                    c[k] = p.Linear[f[k]] + hx[f[k]];
                    y[k] = c[k];
                    z[k] = a[f[k]];
                }

                chol.Solve(y.AsSpan(0, m));
                chol.Solve(z.AsSpan(0, m));
                double az = 0, ay = 0;
                for (var k = 0; k < m; k++)
                {
                    az += a[f[k]] * z[k];
                    ay += a[f[k]] * y[k];
                }

                if (!(Math.Abs(az) > 1e-300))
                {
                    return null; // a_F = 0: the reduced KKT system is singular
                }

                lambda = (beta + ay) / az;

                // Step to x_F*, stopping at the first bound in the way.
                var alpha = 1.0;
                var block = -1;
                for (var k = 0; k < m; k++)
                {
                    var i = f[k];
                    var d = (lambda * z[k]) - y[k] - x[i];

                    // A round-off sized move (e.g. the single free variable pinned by the equality) blocks nothing.
                    if (Math.Abs(d) <= 1e-14 * (1 + Math.Abs(x[i])))
                    {
                        continue;
                    }

                    var limit = d < 0 ? (l[i] - x[i]) / d : (u[i] - x[i]) / d;
                    if (limit < alpha)
                    {
                        alpha = Math.Max(limit, 0);
                        block = k;
                    }
                }

                for (var k = 0; k < m; k++)
                {
                    var i = f[k];
                    x[i] = Math.Clamp(x[i] + (alpha * ((lambda * z[k]) - y[k] - x[i])), l[i], u[i]);
                }

                if (block >= 0)
                {
                    var i = f[block];
                    x[i] = x[i] - l[i] < u[i] - x[i] ? l[i] : u[i];
                    free[i] = false;
                    chol.RemoveAt(block);
                    continue;
                }

                stationary = true;
            }

            // Multipliers of the fixed variables: μⱼ = (Hx + g − λa)ⱼ must be ≥ 0 at a lower bound, ≤ 0 at an upper bound.
            Gradient(p, x, hx);
            var worst = -1;
            var worstViolation = 0.0;
            var tol = 1e-12 * (gScale + (Math.Abs(lambda) * aScale) + Math.Abs(TensorPrimitives.MaxMagnitude(hx)));
            for (var i = 0; i < n; i++)
            {
                if (free[i])
                {
                    continue;
                }

                var mu = hx[i] + p.Linear[i] - (lambda * a[i]);
                var violation = x[i] == l[i] ? -mu : mu;
                if (x[i] == l[i] && x[i] == u[i])
                {
                    violation = 0; // fixed variable
                }

                if (violation > tol && violation > worstViolation)
                {
                    worstViolation = violation;
                    worst = i;
                }
            }

            if (worst < 0)
            {
                return Success(p, x, free, hx, lambda, it);
            }

            if (!chol.Add(worst))
            {
                return null;
            }

            free[worst] = true;
            stationary = false;
        }

        return null; // cycling: let the dual method decide
    }

    /// <summary>Feasible start: every variable at a finite bound (or 0), then variables in order of |aᵢ| absorb the residual.</summary>
    private static int Start(QuadraticProgram p, double[] x)
    {
        var n = p.Dimension;
        var a = p.Equalities[0].Coefficients;
        for (var i = 0; i < n; i++)
        {
            x[i] = double.IsFinite(p.LowerBounds[i]) ? p.LowerBounds[i] : double.IsFinite(p.UpperBounds[i]) ? p.UpperBounds[i] : 0;
        }

        var r = p.Equalities[0].Bound - TensorPrimitives.Dot(a, x);
        var order = Enumerable.Range(0, n).Where(i => a[i] != 0).OrderByDescending(i => Math.Abs(a[i])).ThenBy(i => i);
        var last = -1;
        foreach (var i in order)
        {
            if (Math.Abs(r) <= 1e-15 * (1 + Math.Abs(p.Equalities[0].Bound)) && last >= 0)
            {
                break;
            }

            var step = r / a[i];
            step = step > 0 ? Math.Min(step, p.UpperBounds[i] - x[i]) : Math.Max(step, p.LowerBounds[i] - x[i]);
            x[i] += step;
            r -= a[i] * step;
            last = i;
        }

        return Math.Abs(r) <= 1e-12 * (1 + Math.Abs(p.Equalities[0].Bound)) ? last : -1;
    }

    /// <summary>hx = H x_W over fixed variables with non-zero value (zero bounds cost nothing).</summary>
    private static void FixedGradient(QuadraticProgram p, double[] x, bool[] free, double[] hx)
    {
        var n = p.Dimension;
        Array.Clear(hx);
        for (var j = 0; j < n; j++)
        {
            if (!free[j] && x[j] != 0)
            {
                TensorPrimitives.MultiplyAdd(p.Hessian.AsSpan(j * n, n), x[j], hx, hx);
            }
        }
    }

    /// <summary>hx = H x over non-zero entries (H symmetric, so rows serve as columns).</summary>
    private static void Gradient(QuadraticProgram p, double[] x, double[] hx)
    {
        var n = p.Dimension;
        Array.Clear(hx);
        for (var j = 0; j < n; j++)
        {
            if (x[j] != 0)
            {
                TensorPrimitives.MultiplyAdd(p.Hessian.AsSpan(j * n, n), x[j], hx, hx);
            }
        }
    }

    private QpSolution Success(QuadraticProgram p, double[] x, bool[] free, double[] hx, double lambda, int iterations)
    {
        var n = p.Dimension;
        var active = new List<ActiveConstraint> { new(p.Equalities[0].Name, ActiveConstraintKind.Equality, 0, lambda) };
        for (var i = 0; i < n; i++)
        {
            if (free[i])
            {
                continue;
            }

            var mu = hx[i] + p.Linear[i] - (lambda * p.Equalities[0].Coefficients[i]);
            active.Add(x[i] == p.LowerBounds[i]
                ? new ActiveConstraint($"lower bound of {p.VariableName(i)}", ActiveConstraintKind.LowerBound, i, mu)
                : new ActiveConstraint($"upper bound of {p.VariableName(i)}", ActiveConstraintKind.UpperBound, i, -mu));
        }

        var objective = (0.5 * TensorPrimitives.Dot(x, hx)) + TensorPrimitives.Dot(p.Linear, x);
        return new QpSolution(QpStatus.Optimal, x, objective, iterations, active, Name);
    }
}
