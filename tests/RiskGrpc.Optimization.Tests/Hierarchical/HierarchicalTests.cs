using CsCheck;
using RiskGrpc.Optimization.Hierarchical;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskParity;
using Xunit;

namespace RiskGrpc.Optimization.Tests.Hierarchical;

public sealed class HierarchicalTests
{
    [Fact]
    public void Hrp_RandomCovariances_PositiveWeightsSummingToOne()
    {
        Gen.Int[0, 100_000].Select(Gen.Int[2, 40], Gen.Enum<LinkageMethod>(), Gen.Bool).Sample((seed, n, linkage, olo) =>
        {
            var cov = RandomProblems.Covariance(new Random(seed), n);
            var w = HierarchicalRiskParity.Compute(cov, null, new HierarchicalOptions { Linkage = linkage, OptimalLeafOrdering = olo }).Weights;
            Assert.Equal(1, w.Sum(), 1e-12);
            Assert.All(w, x => Assert.True(x > 0));
        }, iter: 100);
    }

    [Fact]
    public void Hrp_WithBounds_RespectsBounds()
    {
        Gen.Int[0, 100_000].Sample(seed =>
        {
            var cov = RandomProblems.Covariance(new Random(seed), 20);
            var options = new HierarchicalOptions { LowerBounds = Enumerable.Repeat(0.02, 20).ToArray(), UpperBounds = Enumerable.Repeat(0.08, 20).ToArray() };
            var w = HierarchicalRiskParity.Compute(cov, null, options).Weights;
            Assert.Equal(1, w.Sum(), 1e-12);
            Assert.All(w, x => Assert.InRange(x, 0.02 - 1e-12, 0.08 + 1e-12));
        }, iter: 50);
    }

    [Fact]
    public void Herc_EveryClusterCount_WeightsSumToOne()
    {
        var cov = RandomProblems.Covariance(new Random(4), 12);
        for (var k = 1; k <= 12; k++)
        {
            var result = HierarchicalEqualRiskContribution.Compute(cov, null, new HierarchicalOptions { Linkage = LinkageMethod.Ward }, k);
            Assert.Equal(1, result.Weights.Sum(), 1e-12);
            Assert.Equal(k, result.Clusters.Count);
        }
    }

    [Fact]
    public void Erc_RandomCovariances_EqualRiskContributions()
    {
        Gen.Int[0, 100_000].Select(Gen.Int[2, 40]).Sample((seed, n) =>
        {
            var cov = RandomProblems.Covariance(new Random(seed), n);
            var w = RiskBudgeting.Solve(cov, null).Weights;
            var rc = PortfolioPerformance.Compute(w, null, cov, 0).RiskContributions;
            Assert.Equal(1, w.Sum(), 1e-12);
            Assert.True(rc.Max() - rc.Min() <= 1e-10 * rc.Max(), $"spread {rc.Max() - rc.Min():E2}");
        }, iter: 100);
    }

    [Fact]
    public void RiskBudgets_ContributionsProportionalToBudgets()
    {
        var cov = RandomProblems.Covariance(new Random(8), 5);
        double[] budgets = [0.1, 0.2, 0.3, 0.25, 0.15];

        var w = RiskBudgeting.Solve(cov, budgets).Weights;
        var perf = PortfolioPerformance.Compute(w, null, cov, 0);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(budgets[i], perf.RiskContributions[i] / perf.Volatility, 1e-10);
        }
    }

    [Fact]
    public void Hrp_RepeatedRuns_IdenticalWeights()
    {
        var cov = RandomProblems.Covariance(new Random(2), 30);
        double[] Run() => HierarchicalRiskParity.Compute(cov, null, new HierarchicalOptions { Linkage = LinkageMethod.Average, OptimalLeafOrdering = true }).Weights;

        Assert.Equal(Run(), Run());
    }
}
