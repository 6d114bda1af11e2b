using CsCheck;
using RiskGrpc.Optimization.Solvers;
using Xunit;

namespace RiskGrpc.Optimization.Tests.Solvers;

public sealed class QuadraticProgramSolverTests
{
    /// <summary>A random feasible QP: equal weights satisfy every constraint by construction.</summary>
    private static QuadraticProgram RandomProblem(int seed, int n)
    {
        var rng = new Random(seed);
        var s = RandomProblems.Covariance(rng, n);
        var h = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[(i * n) + j] = 2 * s[i, j];
            }
        }

        var g = RandomProblems.Returns(rng, n).Select(v => -v).ToArray();
        var qp = new QuadraticProgram(h, g);
        for (var i = 0; i < n; i++)
        {
            qp.LowerBounds[i] = rng.NextDouble() < 0.5 ? 0 : -0.3;
            qp.UpperBounds[i] = rng.NextDouble() < 0.5 ? 0.6 : double.PositiveInfinity;
        }

        qp.AddEquality(Enumerable.Repeat(1.0, n).ToArray(), 1, "budget");
        var group = Enumerable.Range(0, n).Select(i => i < n / 2 ? 1.0 : 0.0).ToArray();
        qp.AddLessOrEqual(group, 0.7, "group");
        var a = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        qp.AddLessOrEqual(a, (a.Sum() / n) + 0.05, "random row");
        return qp;
    }

    private static double[] Normal(QuadraticProgram qp, ActiveConstraint c)
    {
        var n = qp.Dimension;
        var v = new double[n];
        switch (c.Kind)
        {
            case ActiveConstraintKind.Equality:
                return qp.Equalities[c.Index].Coefficients;
            case ActiveConstraintKind.Inequality:
                return qp.Inequalities[c.Index].Coefficients;
            case ActiveConstraintKind.LowerBound:
                v[c.Index] = 1;
                return v;
            default:
                v[c.Index] = -1;
                return v;
        }
    }

    private static void AssertKkt(QuadraticProgram qp, QpSolution s, double tol)
    {
        var n = qp.Dimension;
        var x = s.X;
        Assert.Equal(QpStatus.Optimal, s.Status);

        // Primal feasibility.
        for (var i = 0; i < n; i++)
        {
            Assert.InRange(x[i], qp.LowerBounds[i] - tol, qp.UpperBounds[i] + tol);
        }

        foreach (var e in qp.Equalities)
        {
            Assert.Equal(e.Bound, e.Coefficients.Zip(x, (a, b) => a * b).Sum(), tol);
        }

        foreach (var r in qp.Inequalities)
        {
            Assert.True(r.Coefficients.Zip(x, (a, b) => a * b).Sum() >= r.Bound - tol);
        }

        // Stationarity Hx + g = Σ u·n and dual feasibility u ≥ 0 for inequalities and bounds.
        var residual = new double[n];
        for (var i = 0; i < n; i++)
        {
            residual[i] = qp.Linear[i];
            for (var j = 0; j < n; j++)
            {
                residual[i] += qp.Hessian[(i * n) + j] * x[j];
            }
        }

        foreach (var c in s.Active)
        {
            var normal = Normal(qp, c);
            for (var i = 0; i < n; i++)
            {
                residual[i] -= c.Multiplier * normal[i];
            }

            if (c.Kind != ActiveConstraintKind.Equality)
            {
                Assert.True(c.Multiplier >= -tol, $"{c.Name} has multiplier {c.Multiplier}");
            }
        }

        Assert.True(residual.Max(Math.Abs) <= tol, $"stationarity residual {residual.Max(Math.Abs):E2}");
    }

    [Fact]
    public void GoldfarbIdnani_RandomFeasibleProblems_SatisfyKkt()
    {
        Gen.Int[0, 100_000].Select(Gen.Int[2, 25]).Sample((seed, n) =>
        {
            var qp = RandomProblem(seed, n);
            AssertKkt(qp, QuadraticProgramSolvers.GoldfarbIdnani.Solve(qp), 1e-9);
        }, iter: 200);
    }

    [Fact]
    public void InteriorPoint_RandomFeasibleProblems_SatisfyKktAndAgreeWithActiveSet()
    {
        Gen.Int[0, 100_000].Select(Gen.Int[2, 15]).Sample((seed, n) =>
        {
            var qp = RandomProblem(seed, n);
            var ip = QuadraticProgramSolvers.InteriorPoint.Solve(qp);
            var gi = QuadraticProgramSolvers.GoldfarbIdnani.Solve(qp);
            AssertKkt(qp, ip, 1e-7);
            Assert.Equal(gi.Objective, ip.Objective, 1e-8);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(gi.X[i], ip.X[i], 1e-5);
            }
        }, iter: 50);
    }

    [Fact]
    public void BoxActiveSet_RandomBoxProblems_SatisfyKkt()
    {
        Gen.Int[0, 100_000].Select(Gen.Int[2, 40]).Sample((seed, n) =>
        {
            var full = RandomProblem(seed, n);
            var qp = new QuadraticProgram(full.Hessian, full.Linear);
            full.LowerBounds.CopyTo(qp.LowerBounds, 0);
            full.UpperBounds.CopyTo(qp.UpperBounds, 0);
            qp.AddEquality(full.Equalities[0].Coefficients, 1, "budget");
            var s = QuadraticProgramSolvers.Default.Solve(qp);
            Assert.Equal("box-active-set", s.Solver);
            AssertKkt(qp, s, 1e-9);
        }, iter: 200);
    }

    [Fact]
    public void GoldfarbIdnani_ActiveBounds_AreExactlyOnTheBound()
    {
        var qp = RandomProblem(42, 20);
        var s = QuadraticProgramSolvers.GoldfarbIdnani.Solve(qp);

        var activeLower = s.Active.Where(c => c.Kind == ActiveConstraintKind.LowerBound).ToList();

        // Without an active bound the check below would pass vacuously.
        Assert.NotEmpty(activeLower);
        foreach (var c in activeLower)
        {
            Assert.Equal(qp.LowerBounds[c.Index], s.X[c.Index]);
        }
    }

    [Fact]
    public void GoldfarbIdnani_ContradictoryRows_ReportsInfeasible()
    {
        var qp = new QuadraticProgram([1, 0, 0, 1], [0, 0]);
        qp.AddGreaterOrEqual([1, 1], 2, "sum at least 2");
        qp.AddLessOrEqual([1, 1], 1, "sum at most 1");

        var s = QuadraticProgramSolvers.GoldfarbIdnani.Solve(qp);

        Assert.Equal(QpStatus.Infeasible, s.Status);
        Assert.NotNull(s.BlockingConstraint);
    }

    [Fact]
    public void GoldfarbIdnani_SingularHessian_ReportsNotPositiveDefinite()
    {
        var qp = new QuadraticProgram([1, 1, 1, 1], [0, 0]);

        Assert.Equal(QpStatus.NotPositiveDefinite, QuadraticProgramSolvers.GoldfarbIdnani.Solve(qp).Status);
    }

    [Fact]
    public void GoldfarbIdnani_SameProblemTwice_IdenticalBits()
    {
        var a = QuadraticProgramSolvers.GoldfarbIdnani.Solve(RandomProblem(7, 30)).X;
        var b = QuadraticProgramSolvers.GoldfarbIdnani.Solve(RandomProblem(7, 30)).X;

        Assert.Equal(a, b);
    }
}
