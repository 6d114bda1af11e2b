using System.Numerics.Tensors;

namespace RiskGrpc.Optimization.Solvers;

/// <summary>
/// Dual active-set method of Goldfarb and Idnani (Math. Programming 27, 1983), the design QuadProg++ (MIT) popularised,
/// written afresh for dense problems with separate unit-normal bounds. Starts from the unconstrained minimiser
/// −H⁻¹g, satisfies the equalities, then repeatedly adds the most violated inequality, dropping active ones whose
/// multipliers would turn negative. Active constraints hold exactly (bounds are snapped), so zero weights are exactly 0.
/// Needs H positive definite; reports <see cref="QpStatus.NotPositiveDefinite"/> otherwise.
/// </summary>
internal sealed class GoldfarbIdnaniSolver : IQuadraticProgramSolver
{
    public string Name => "goldfarb-idnani";

    public QpSolution Solve(QuadraticProgram problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new Run(problem, Name).Execute();
    }

    /// <summary>State of one solve. Inequality ids: [0,n) lower bounds, [n,2n) upper bounds, [2n, 2n+m) general rows.</summary>
    private sealed class Run
    {
        private readonly QuadraticProgram _p;
        private readonly string _name;
        private readonly int _n;
        private readonly int _m;
        private readonly double[] _x;
        private readonly double[] _d;
        private readonly double[] _z;
        private readonly double[] _r;
        private readonly double[] _u;
        private readonly int[] _active;
        private readonly bool[] _isActive;
        private readonly ActiveSetFactorization _f;
        private int _equalities;

        public Run(QuadraticProgram p, string name)
        {
            _p = p;
            _name = name;
            _n = p.Dimension;
            _m = p.Inequalities.Count;
            _x = new double[_n];
            _d = new double[_n];
            _z = new double[_n];
            _r = new double[_n];
            _u = new double[_n + 1];
            _active = new int[_n + 1];
            _isActive = new bool[(2 * _n) + _m];
            _f = new ActiveSetFactorization(_n);
        }

        public QpSolution Execute()
        {
            var n = _n;
            var l = (double[])_p.Hessian.Clone();
            if (!DenseMath.CholeskyInPlace(l, n))
            {
                return Fail(QpStatus.NotPositiveDefinite, 0, null);
            }

            _f.Initialize(l);

            // Unconstrained minimiser x = −H⁻¹g = −J Jᵀ g.
            _f.ComputeD(_p.Linear, _d);
            _f.ComputeZ(_d, _x);
            TensorPrimitives.Negate(_x, _x);

            for (var e = 0; e < _p.Equalities.Count; e++)
            {
                var row = _p.Equalities[e];
                _f.ComputeD(row.Coefficients, _d);
                var d2 = _f.ComputeZ(_d, _z);
                _f.ComputeR(_d, _r);
                var residual = row.Bound - TensorPrimitives.Dot(row.Coefficients, _x);
                if (d2 <= 1e-24 * Math.Max(1e-300, TensorPrimitives.Dot(_d, _d)))
                {
                    // The row is a combination of earlier equalities: redundant if consistent, infeasible otherwise.
                    if (Math.Abs(residual) <= 1e-9 * (1 + Math.Abs(row.Bound)))
                    {
                        continue;
                    }

                    return Fail(QpStatus.Infeasible, 0, row.Name);
                }

                var t = residual / TensorPrimitives.Dot(_z, row.Coefficients);
                TensorPrimitives.MultiplyAdd(_z, t, _x, _x);
                for (var k = 0; k < _f.ActiveCount; k++)
                {
                    _u[k] -= t * _r[k];
                }

                _u[_f.ActiveCount] = t;
                _active[_f.ActiveCount] = -1 - e;
                _f.Add(_d);
                _equalities++;
            }

            var maxIterations = (10 * (n + _m)) + 100;
            var iterations = 0;
            while (true)
            {
                var p = MostViolated(out var slack);
                if (p < 0)
                {
                    return Success(iterations);
                }

                var uPlus = 0.0;
                while (true)
                {
                    if (++iterations > maxIterations)
                    {
                        return Fail(QpStatus.IterationLimit, iterations, null);
                    }

                    ComputeD(p);
                    var d2 = _f.ComputeZ(_d, _z);
                    _f.ComputeR(_d, _r);
                    var iq = _f.ActiveCount;

                    // Largest dual step keeping active inequality multipliers non-negative.
                    var t1 = double.PositiveInfinity;
                    var drop = -1;
                    for (var k = _equalities; k < iq; k++)
                    {
                        if (_r[k] > 0.0 && _u[k] / _r[k] < t1)
                        {
                            t1 = _u[k] / _r[k];
                            drop = k;
                        }
                    }

                    var zn = NormalDot(p, _z);
                    var t2 = d2 > 1e-24 * Math.Max(1e-300, TensorPrimitives.Dot(_d, _d)) && zn > 0
                        ? -slack / zn
                        : double.PositiveInfinity;
                    var t = Math.Min(t1, t2);
                    if (double.IsPositiveInfinity(t))
                    {
                        return Fail(QpStatus.Infeasible, iterations, ConstraintName(p));
                    }

                    for (var k = 0; k < iq; k++)
                    {
                        _u[k] -= t * _r[k];
                    }

                    uPlus += t;
                    if (double.IsPositiveInfinity(t2))
                    {
                        RemoveAt(drop);
                        continue;
                    }

                    TensorPrimitives.MultiplyAdd(_z, t, _x, _x);
                    if (t == t2)
                    {
                        // J has not changed since d = Jᵀnₚ was formed, so d is still current.
                        if (!_f.Add(_d))
                        {
                            return Fail(QpStatus.Infeasible, iterations, ConstraintName(p));
                        }

                        _u[iq] = uPlus;
                        _active[iq] = p;
                        _isActive[p] = true;
                        break;
                    }

                    RemoveAt(drop);
                    slack = Slack(p);
                }
            }
        }

        private void ComputeD(int id)
        {
            if (id < 2 * _n)
            {
                _f.ComputeDUnit(id % _n, id < _n ? 1.0 : -1.0, _d);
            }
            else
            {
                _f.ComputeD(_p.Inequalities[id - (2 * _n)].Coefficients, _d);
            }
        }

        private double NormalDot(int id, ReadOnlySpan<double> v) => id < _n ? v[id]
            : id < 2 * _n ? -v[id - _n]
            : TensorPrimitives.Dot(_p.Inequalities[id - (2 * _n)].Coefficients, v);

        private double Slack(int id) => id < _n ? _x[id] - _p.LowerBounds[id]
            : id < 2 * _n ? _p.UpperBounds[id - _n] - _x[id - _n]
            : TensorPrimitives.Dot(_p.Inequalities[id - (2 * _n)].Coefficients, _x) - _p.Inequalities[id - (2 * _n)].Bound;

        private int MostViolated(out double slack)
        {
            var best = -1;
            slack = 0.0;
            var worst = 0.0;
            var xScale = 1.0 + Math.Abs(TensorPrimitives.MaxMagnitude(_x)); // MaxMagnitude returns the signed element
            for (var id = 0; id < _isActive.Length; id++)
            {
                if (_isActive[id])
                {
                    continue;
                }

                double bound;
                double scale;
                if (id < 2 * _n)
                {
                    bound = id < _n ? _p.LowerBounds[id] : _p.UpperBounds[id - _n];
                    if (double.IsInfinity(bound))
                    {
                        continue;
                    }

                    scale = 1.0 + Math.Abs(bound);
                }
                else
                {
                    var row = _p.Inequalities[id - (2 * _n)];
                    scale = 1.0 + Math.Abs(row.Bound) + (TensorPrimitives.SumOfMagnitudes(row.Coefficients) * xScale);
                }

                var s = Slack(id);
                var violation = s / scale;
                if (violation < -1e-13 && violation < worst)
                {
                    worst = violation;
                    best = id;
                    slack = s;
                }
            }

            return best;
        }

        private void RemoveAt(int position)
        {
            _isActive[_active[position]] = false;
            for (var k = position; k < _f.ActiveCount - 1; k++)
            {
                _active[k] = _active[k + 1];
                _u[k] = _u[k + 1];
            }

            _f.Remove(position);
        }

        private string ConstraintName(int id) => id < _n ? $"lower bound of {_p.VariableName(id)}"
            : id < 2 * _n ? $"upper bound of {_p.VariableName(id - _n)}"
            : _p.Inequalities[id - (2 * _n)].Name;

        private QpSolution Success(int iterations)
        {
            var active = new List<ActiveConstraint>(_f.ActiveCount);
            for (var k = 0; k < _f.ActiveCount; k++)
            {
                var id = _active[k];
                if (id < 0)
                {
                    active.Add(new ActiveConstraint(_p.Equalities[-1 - id].Name, ActiveConstraintKind.Equality, -1 - id, _u[k]));
                }
                else if (id < _n)
                {
                    // Snap active bounds so that, e.g., excluded assets get a weight of exactly 0.
                    _x[id] = _p.LowerBounds[id];
                    active.Add(new ActiveConstraint(ConstraintName(id), ActiveConstraintKind.LowerBound, id, _u[k]));
                }
                else if (id < 2 * _n)
                {
                    _x[id - _n] = _p.UpperBounds[id - _n];
                    active.Add(new ActiveConstraint(ConstraintName(id), ActiveConstraintKind.UpperBound, id - _n, _u[k]));
                }
                else
                {
                    active.Add(new ActiveConstraint(ConstraintName(id), ActiveConstraintKind.Inequality, id - (2 * _n), _u[k]));
                }
            }

            var objective = (0.5 * DenseMath.QuadraticForm(_p.Hessian, _n, _x)) + TensorPrimitives.Dot(_p.Linear, _x);
            return new QpSolution(QpStatus.Optimal, _x, objective, iterations, active, _name);
        }

        private QpSolution Fail(QpStatus status, int iterations, string? blocking) =>
            new(status, _x, double.NaN, iterations, [], _name, blocking);
    }
}
