using CsCheck;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Solvers;
using Xunit;

namespace RiskGrpc.Optimization.Tests.MeanVariance;

public sealed class MeanVarianceOptimizerTests
{
    private static (double[] Mu, double[,] Cov) Problem(int seed, int n)
    {
        var rng = new Random(seed);
        return (RandomProblems.Returns(rng, n), RandomProblems.Covariance(rng, n));
    }

    private static double Sharpe(double[] w, double[] mu, double[,] cov, double rf) => PortfolioPerformance.Compute(w, mu, cov, rf).Sharpe;

    [Fact]
    public void MaxSharpe_RandomProblems_LiesOnTheFrontierAndBeatsIt()
    {
        Gen.Int[0, 100_000].Select(Gen.Int[3, 20]).Sample((seed, n) =>
        {
            var (mu, cov) = Problem(seed, n);
            var opt = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(n));
            var tangency = opt.MaxSharpe(0.01).Weights;
            var r = mu.Zip(tangency, (m, w) => m * w).Sum();

            // The efficient portfolio with the tangency's return is the tangency portfolio itself.
            var efficient = opt.EfficientReturn(r).Weights;
            Assert.Equal(Math.Sqrt(PortfolioPerformance.Variance(tangency, cov)), Math.Sqrt(PortfolioPerformance.Variance(efficient, cov)), 1e-9);
            var best = Sharpe(tangency, mu, cov, 0.01);
            foreach (var p in opt.EfficientFrontier(15))
            {
                Assert.True(Sharpe(p.Weights, mu, cov, 0.01) <= best + 1e-10);
            }
        }, iter: 40);
    }

    [Fact]
    public void EfficientRisk_ReachableTarget_HitsTargetVolatility()
    {
        var (mu, cov) = Problem(3, 12);
        var opt = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(12));
        var minVol = Math.Sqrt(PortfolioPerformance.Variance(opt.MinVolatility().Weights, cov));

        var w = opt.EfficientRisk(minVol * 1.2).Weights;

        Assert.Equal(minVol * 1.2, Math.Sqrt(PortfolioPerformance.Variance(w, cov)), 1e-10);
    }

    [Fact]
    public void Solvers_SameObjective_AgreeOnWeights()
    {
        var (mu, cov) = Problem(11, 15);
        var gi = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(15), QuadraticProgramSolvers.GoldfarbIdnani).MaxSharpe(0.02).Weights;
        var ip = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(15), QuadraticProgramSolvers.InteriorPoint).MaxSharpe(0.02).Weights;

        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(gi[i], ip[i], 1e-6);
        }
    }

    [Fact]
    public void MarketNeutral_Utility_WeightsSumToZeroWithinBounds()
    {
        var (mu, cov) = Problem(5, 10);
        var c = new PortfolioConstraints(10, -1, 1) { Budget = 0 };

        var w = new MeanVarianceOptimizer(mu, cov, c).MaxQuadraticUtility(2).Weights;

        Assert.Equal(0, w.Sum(), 1e-12);
        Assert.All(w, x => Assert.InRange(x, -1 - 1e-12, 1 + 1e-12));
    }

    [Fact]
    public void GroupAndLinearLimits_AreRespected()
    {
        var (mu, cov) = Problem(9, 10);
        var c = new PortfolioConstraints(10, 0, 1)
        {
            Groups = [new GroupConstraint("tech", [0, 1, 2], 0.3, 0.4)],
            Inequalities = [new LinearInequality("asset 5 ≤ asset 6", [0, 0, 0, 0, 0, 1, -1, 0, 0, 0], 0)],
            L2Gamma = 0.01,
        };

        var w = new MeanVarianceOptimizer(mu, cov, c).MaxSharpe(0).Weights;

        Assert.InRange(w[0] + w[1] + w[2], 0.3 - 1e-10, 0.4 + 1e-10);
        Assert.True(w[5] <= w[6] + 1e-10);
        Assert.Equal(1, w.Sum(), 1e-12);
    }

    [Fact]
    public void MaxDiversification_EqualVolatilities_MatchesMinVolatility()
    {
        var cov = new double[,] { { 0.04, 0.01, 0.0 }, { 0.01, 0.04, 0.02 }, { 0.0, 0.02, 0.04 } };
        var opt = new MeanVarianceOptimizer(null, cov, PortfolioConstraints.LongOnly(3));

        var md = opt.MaxDiversification().Weights;
        var mv = opt.MinVolatility().Weights;

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(mv[i], md[i], 1e-10);
        }
    }

    [Fact]
    public void BoundsBelowBudget_ThrowsInfeasible()
    {
        var (mu, cov) = Problem(1, 10);

        var ex = Assert.Throws<OptimizationException>(() => new MeanVarianceOptimizer(mu, cov, new PortfolioConstraints(10, 0, 0.05)));

        Assert.Equal(OptimizationErrorKind.Infeasible, ex.Kind);
    }

    [Fact]
    public void ContradictoryGroups_ThrowsInfeasible()
    {
        var (mu, cov) = Problem(1, 6);
        var c = new PortfolioConstraints(6, 0, 1) { Groups = [new GroupConstraint("a", [0, 1, 2], 0.7, 1), new GroupConstraint("b", [3, 4, 5], 0.7, 1)] };

        var ex = Assert.Throws<OptimizationException>(() => new MeanVarianceOptimizer(mu, cov, c).MinVolatility());

        Assert.Equal(OptimizationErrorKind.Infeasible, ex.Kind);
    }

    [Fact]
    public void TargetReturnAboveMaximum_ThrowsTargetReturnUnreachable()
    {
        var (mu, cov) = Problem(1, 6);

        var ex = Assert.Throws<OptimizationException>(() => new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(6)).EfficientReturn(mu.Max() + 0.01));

        Assert.Equal(OptimizationErrorKind.TargetReturnUnreachable, ex.Kind);
    }

    [Fact]
    public void TargetVolatilityBelowMinimum_ThrowsTargetVolatilityUnreachable()
    {
        var (mu, cov) = Problem(1, 6);

        var ex = Assert.Throws<OptimizationException>(() => new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(6)).EfficientRisk(0.001));

        Assert.Equal(OptimizationErrorKind.TargetVolatilityUnreachable, ex.Kind);
    }

    [Fact]
    public void AllReturnsBelowRiskFree_ThrowsNoReturnAboveRiskFree()
    {
        var (mu, cov) = Problem(1, 6);

        var ex = Assert.Throws<OptimizationException>(() => new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(6)).MaxSharpe(1.0));

        Assert.Equal(OptimizationErrorKind.NoReturnAboveRiskFree, ex.Kind);
    }

    [Fact]
    public void SingularCovariance_GoldfarbIdnani_ThrowsNotPositiveDefinite()
    {
        var cov = new double[,] { { 0.04, 0.04 }, { 0.04, 0.04 } };

        var ex = Assert.Throws<OptimizationException>(() => new MeanVarianceOptimizer(null, cov, PortfolioConstraints.LongOnly(2), QuadraticProgramSolvers.GoldfarbIdnani).MinVolatility());

        Assert.Equal(OptimizationErrorKind.NotPositiveDefinite, ex.Kind);
    }

    [Fact]
    public void SingularCovariance_DefaultSolver_ReturnsAnOptimumOnlyFactoringTheFreeBlock()
    {
        // Every fully invested portfolio has variance 0.04 here; the primal active set never needs the singular full matrix.
        var cov = new double[,] { { 0.04, 0.04 }, { 0.04, 0.04 } };

        var w = new MeanVarianceOptimizer(null, cov, PortfolioConstraints.LongOnly(2)).MinVolatility().Weights;

        Assert.Equal(0.04, PortfolioPerformance.Variance(w, cov), 1e-15);
        Assert.Equal(1, w.Sum(), 1e-15);
    }

    [Fact]
    public void DefaultSolver_RandomProblems_MatchesGoldfarbIdnani()
    {
        Gen.Int[0, 100_000].Select(Gen.Int[2, 60], Gen.Bool).Sample((seed, n, shorts) =>
        {
            var (mu, cov) = Problem(seed, n);
            var c = new PortfolioConstraints(n, shorts ? -0.2 : 0, shorts ? 0.3 : 1);
            if (shorts && n * 0.3 < 1)
            {
                return;
            }

            var fast = new MeanVarianceOptimizer(mu, cov, c).MaxQuadraticUtility(3);
            var gi = new MeanVarianceOptimizer(mu, cov, c, QuadraticProgramSolvers.GoldfarbIdnani).MaxQuadraticUtility(3);
            Assert.Equal("box-active-set", fast.Solver);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(gi.Weights[i], fast.Weights[i], 1e-9);
            }

            var sharpeFast = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(n)).MaxSharpe(0.01).Weights;
            var sharpeGi = new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(n), QuadraticProgramSolvers.GoldfarbIdnani).MaxSharpe(0.01).Weights;
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(sharpeGi[i], sharpeFast[i], 1e-9);
            }
        }, iter: 100);
    }

    [Fact]
    public void RepeatedRuns_IdenticalWeights()
    {
        var (mu, cov) = Problem(21, 25);
        double[] Run() => new MeanVarianceOptimizer(mu, cov, PortfolioConstraints.LongOnly(25)).MaxSharpe(0.02).Weights;

        Assert.Equal(Run(), Run());
    }
}
