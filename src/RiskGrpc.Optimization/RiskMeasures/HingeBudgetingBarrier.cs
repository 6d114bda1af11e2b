using System.Diagnostics;
using System.Numerics.Tensors;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// Primal log-barrier Newton method for min F(y) = qᵀy + c·Σₜ max(aₜᵀy, 0) − Σᵢ₌₁..ₙ bᵢ ln yᵢ over y = (x, extra) with
/// x &gt; 0: risk budgeting with a "sum of hinges" measure (CVaR: y = (x, ζ), aₜ = (−rₜ, −1), q = eₙ, c = 1/(αT); MAD:
/// y = x, aₜ = r̄ − rₜ, q = 0, c = 2/T). The LP form has slacks zₜ ≥ aₜᵀy, zₜ ≥ 0 and the barrier −τΣ(ln sₜ + ln zₜ)
/// with sₜ = zₜ − aₜᵀy; each zₜ is eliminated exactly (c = τ/sₜ + τ/zₜ is a quadratic in zₜ), leaving a smooth convex
/// function of y alone whose gradient is q + Σ(τ/sₜ)aₜ − b/x and whose Hessian is diag(b/x²) + Σₜ ωₜaₜaₜᵀ with
/// ωₜ = τ/(sₜ² + zₜ²) (the Schur complement of the slack block): an O(T·m²) Newton step on an m × m Cholesky. τ falls
/// geometrically after each centring until the duality gap bound 2T·τ of the exact centre is below <see cref="RelativeGap"/>
/// relative to max(1, |F|); λₜ = τ/sₜ ∈ (0, c) are the dual multipliers (the subgradient weights of the hinges).
/// </summary>
internal sealed class HingeBudgetingBarrier
{
    /// <summary>Stopping gap bound relative to max(1, |F|).</summary>
    public const double RelativeGap = 1e-12;

    private const int MaxNewtonSteps = 400;
    private const double TauFactor = 0.1;

    // Centring tolerance on the Newton decrement of F_τ/τ (a self-concordant function): 1e-2 leaves F_τ within ~τ/100
    // of its centre, negligible next to the gap bound 2T·τ; the last centre is polished further.
    private const double CentringTolerance = 1e-2;
    private const double FinalCentringTolerance = 1e-8;

    private readonly double[] _a;
    private readonly int _m;
    private readonly int _n;
    private readonly int _t;
    private readonly double _c;
    private readonly double[] _q;
    private readonly double[] _b;
    private readonly int[] _kept;
    private readonly double[] _rowNorms;

    /// <summary>Creates the problem; <paramref name="a"/> is m × T row-major (row i holds coefficient i of every aₜ).</summary>
    public HingeBudgetingBarrier(double[] a, int m, int n, double c, double[] q, double[] b)
    {
        (_a, _m, _n, _t, _c, _q, _b) = (a, m, n, a.Length / m, c, q, b);
        _kept = new int[_t];
        _rowNorms = new double[_t];
        for (var i = 0; i < m; i++)
        {
            // ‖aₜ‖², fixed for the whole solve: the Hessian's row filter reads it every Newton step.
            TensorPrimitives.MultiplyAdd(a.AsSpan(i * _t, _t), a.AsSpan(i * _t, _t), _rowNorms, _rowNorms);
        }

        Debug.Assert(a.Length == m * _t && q.Length == m && b.Length == n && n <= m, "shapes");
    }

    /// <summary>Newton steps taken by the last <see cref="Solve"/>.</summary>
    public int NewtonSteps { get; private set; }

    /// <summary>
    /// Minimises F from <paramref name="y"/> (x &gt; 0; overwritten with the optimum). Throws SolverLimitReached on the
    /// step or time limit, Infeasible when x runs past <paramref name="xCap"/> (F unbounded below: some long-only
    /// portfolio has non-positive risk), SolverFailed on a non-finite step.
    /// </summary>
    public void Solve(double[] y, double xCap, TimeSpan timeLimit)
    {
        var clock = Stopwatch.StartNew();
        var (m, t) = (_m, _t);
        var u = new double[t];
        var du = new double[t];
        var lambda = new double[t];
        var omega = new double[t];
        var packed = new double[m * t];
        var grad = new double[m];
        var d = new double[m];
        var h = new double[m * m];
        var trial = new double[m];

        // τ₀ makes the barrier's total weight 2T·τ₀ comparable with F's own scale at the start.
        var tau = 0.5 / t;
        NewtonSteps = 0;
        var previous = (double[])y.Clone();
        var first = true;
        while (true)
        {
            var final = 2 * t * tau <= RelativeGap * Math.Max(1, Math.Abs(Objective(y, u)));
            var tolerance = (final ? FinalCentringTolerance : CentringTolerance) * tau;
            while (true)
            {
                if (NewtonSteps >= MaxNewtonSteps || clock.Elapsed > timeLimit)
                {
                    throw new OptimizationException(OptimizationErrorKind.SolverLimitReached, $"barrier risk budgeting stopped after {NewtonSteps} Newton steps at τ = {tau:G3} ({clock.Elapsed.TotalMilliseconds:F0} ms)");
                }

                NewtonSteps++;
                Multiply(y, u);
                Derivatives(u, tau, lambda, omega);
                Gradient(y, lambda, grad);
                Hessian(y, omega, packed, h);
                grad.AsSpan().CopyTo(d);
                Factor(h);
                DenseMath.CholeskySolveInPlace(h, m, d);
                TensorPrimitives.Negate(d, d);
                var decrement = -TensorPrimitives.Dot(grad, d);
                if (!double.IsFinite(decrement))
                {
                    throw new OptimizationException(OptimizationErrorKind.SolverFailed, $"barrier risk budgeting produced a non-finite Newton step at τ = {tau:G3}");
                }

                if (decrement <= tolerance)
                {
                    break;
                }

                Multiply(d, du);
                var step = LineSearch(y, d, u, du, tau, -decrement, trial);
                TensorPrimitives.MultiplyAdd(d, step, y, y);
                for (var i = 0; i < _n; i++)
                {
                    if (!(y[i] < xCap))
                    {
                        throw new OptimizationException(OptimizationErrorKind.Infeasible, "risk budgeting has no finite solution on these scenarios: some long-only portfolio has non-positive risk", "risk_measure");
                    }
                }

                // Progress below rounding: the centre is as exact as doubles allow.
                if (final && step * decrement <= 1e-17 * Math.Max(1, Math.Abs(Objective(y, u))))
                {
                    break;
                }
            }

            if (final)
            {
                return;
            }

            // The central path is smooth in τ (y(τ) ≈ y* + τ·v near the end): start the next centring on the chord
            // through the last two centres, which saves about a fifth of the Newton steps (measured).
            TensorPrimitives.Subtract(y, previous, trial);
            TensorPrimitives.MultiplyAdd(trial, first ? 0 : TauFactor, y, trial);
            y.AsSpan().CopyTo(previous);
            if (TensorPrimitives.Min(trial.AsSpan(0, _n)) > 0)
            {
                trial.AsSpan().CopyTo(y);
            }

            first = false;
            tau *= TauFactor;
        }
    }

    /// <summary>Backtracks from the full step (cut to stay inside x &gt; 0) until F_τ decreases enough or the
    /// directional derivative is still non-positive (then F_τ cannot have risen: it is convex along the line).</summary>
    private double LineSearch(double[] y, double[] d, double[] u, double[] du, double tau, double slope, double[] trial)
    {
        var step = 1.0;
        for (var i = 0; i < _n; i++)
        {
            if (d[i] < 0)
            {
                step = Math.Min(step, -0.99 * y[i] / d[i]);
            }
        }

        var f0 = Value(y, u, 0, tau, du: null);
        for (var k = 0; k < 60; k++, step *= 0.5)
        {
            TensorPrimitives.MultiplyAdd(d, step, y, trial);
            if (Value(trial, u, step, tau, du) <= f0 + (1e-4 * step * slope) || Slope(trial, u, du, d, step, tau) <= 0)
            {
                return step;
            }
        }

        return step;
    }

    /// <summary>F(y) itself; <paramref name="u"/> is scratch for aᵀy.</summary>
    private double Objective(double[] y, double[] u)
    {
        Multiply(y, u);
        var f = TensorPrimitives.Dot(_q, y);
        for (var i = 0; i < _n; i++)
        {
            f -= _b[i] * Math.Log(y[i]);
        }

        foreach (var v in u)
        {
            f += _c * Math.Max(v, 0);
        }

        return f;
    }

    /// <summary>F_τ at y, where aᵀy = u + step·du (du null: u).</summary>
    private double Value(double[] y, double[] u, double step, double tau, double[]? du)
    {
        var f = TensorPrimitives.Dot(_q, y);
        for (var i = 0; i < _n; i++)
        {
            f -= _b[i] * Math.Log(y[i]);
        }

        for (var s = 0; s < _t; s++)
        {
            var v = du is null ? u[s] : u[s] + (step * du[s]);
            var (z, slack) = Slacks(v, tau);
            f += (_c * z) - (tau * (Math.Log(slack) + Math.Log(z)));
        }

        return f;
    }

    private double Slope(double[] y, double[] u, double[] du, double[] d, double step, double tau)
    {
        var g = TensorPrimitives.Dot(_q, d);
        for (var i = 0; i < _n; i++)
        {
            g -= _b[i] * d[i] / y[i];
        }

        for (var s = 0; s < _t; s++)
        {
            var (_, slack) = Slacks(u[s] + (step * du[s]), tau);
            g += tau / slack * du[s];
        }

        return g;
    }

    /// <summary>
    /// The eliminated slacks at v = aᵀy: zₜ is the positive root of c·z² − (c·v + 2τ)·z + τ·v = 0 and sₜ = zₜ − v the
    /// root of the same with −v; each is taken from whichever form of the quadratic formula does not cancel.
    /// </summary>
    private (double Z, double S) Slacks(double v, double tau)
    {
        var root = Math.Sqrt((_c * _c * v * v) + (4 * tau * tau));
        return (Root(v, tau, root), Root(-v, tau, root));
    }

    private double Root(double v, double tau, double root)
    {
        var p = (_c * v) + (2 * tau);
        return p >= 0 ? (p + root) / (2 * _c) : 2 * tau * v / (p - root);
    }

    private void Derivatives(double[] u, double tau, double[] lambda, double[] omega)
    {
        for (var s = 0; s < _t; s++)
        {
            var (z, slack) = Slacks(u[s], tau);
            lambda[s] = tau / slack;
            omega[s] = tau / ((slack * slack) + (z * z));
        }
    }

    /// <summary>u = Aᵀy (u is T-long: uₜ = aₜᵀy).</summary>
    private void Multiply(double[] y, double[] u)
    {
        Array.Clear(u);
        for (var i = 0; i < _m; i++)
        {
            TensorPrimitives.MultiplyAdd(_a.AsSpan(i * _t, _t), y[i], u, u);
        }
    }

    private void Gradient(double[] y, double[] lambda, double[] grad)
    {
        for (var i = 0; i < _m; i++)
        {
            grad[i] = _q[i] + TensorPrimitives.Dot(_a.AsSpan(i * _t, _t), lambda) - (i < _n ? _b[i] / y[i] : 0);
        }
    }

    /// <summary>
    /// Lower triangle of diag(b/x²) + Σₜ ωₜaₜaₜᵀ (what the Cholesky reads). Rows with ωₜ‖aₜ‖² below 1e-13 of the
    /// smallest log curvature min bᵢ/xᵢ² are left out: together they move H by less than 1e-9 of its smallest
    /// eigenvalue bound, and at small τ only the rows near their kink (ωₜ ≈ c²/(8τ)) are left, which makes the step cheap.
    /// </summary>
    private void Hessian(double[] y, double[] omega, double[] packed, double[] h)
    {
        var floor = double.PositiveInfinity;
        for (var i = 0; i < _n; i++)
        {
            floor = Math.Min(floor, _b[i] / (y[i] * y[i]));
        }

        floor *= 1e-13;
        var kept = 0;
        for (var s = 0; s < _t; s++)
        {
            if (omega[s] * _rowNorms[s] > floor)
            {
                _kept[kept++] = s;
            }
        }

        // Packed rows √ωₜ·aₜ, one row of `packed` per coefficient i, so that each entry of H is one contiguous dot product.
        for (var i = 0; i < _m; i++)
        {
            var source = _a.AsSpan(i * _t, _t);
            var row = packed.AsSpan(i * kept, kept);
            for (var k = 0; k < kept; k++)
            {
                var s = _kept[k];
                row[k] = source[s] * Math.Sqrt(omega[s]);
            }
        }

        for (var i = 0; i < _m; i++)
        {
            var row = packed.AsSpan(i * kept, kept);
            for (var j = 0; j <= i; j++)
            {
                h[(i * _m) + j] = TensorPrimitives.Dot(row, packed.AsSpan(j * kept, kept));
            }

            if (i < _n)
            {
                h[(i * _m) + i] += _b[i] / (y[i] * y[i]);
            }
        }
    }

    /// <summary>Cholesky of H; rounding can make the hinge terms' near-rank-deficient part lose definiteness at tiny τ,
    /// so a diagonal shift growing from 1e-14 of the largest pivot is added until it factors.</summary>
    private void Factor(double[] h)
    {
        var m = _m;
        var copy = (double[])h.Clone();
        var largest = 0.0;
        for (var i = 0; i < m; i++)
        {
            largest = Math.Max(largest, copy[(i * m) + i]);
        }

        for (var shift = 1e-14 * largest; ; shift *= 100)
        {
            if (DenseMath.CholeskyInPlace(h, m))
            {
                return;
            }

            if (shift > 1e-4 * largest || !double.IsFinite(largest))
            {
                throw new OptimizationException(OptimizationErrorKind.SolverFailed, "barrier risk budgeting: the Newton matrix is not positive definite");
            }

            copy.AsSpan().CopyTo(h);
            for (var i = 0; i < m; i++)
            {
                h[(i * m) + i] += shift;
            }
        }
    }
}
