using RiskGrpc.Optimization.BlackLitterman;
using RiskGrpc.Optimization.Estimators;
using Xunit;

namespace RiskGrpc.Optimization.Tests.Estimators;

public sealed class EstimatorTests
{
    private static double[,] Returns(int seed, int t, int n)
    {
        var rng = new Random(seed);
        var r = new double[t, n];
        for (var i = 0; i < t; i++)
        {
            var m = RandomProblems.Normal(rng) * 0.01;
            for (var j = 0; j < n; j++)
            {
                r[i, j] = m + (RandomProblems.Normal(rng) * 0.01);
            }
        }

        return r;
    }

    [Fact]
    public void Oas_ShrinkageBetweenZeroAndOne_DiagonalTraceKept()
    {
        var r = Returns(1, 60, 8);
        var (cov, shrinkage) = ShrinkageEstimators.Oas(r);
        var (lw, lwShrinkage) = ShrinkageEstimators.LedoitWolf(r);

        Assert.InRange(shrinkage, 0, 1);
        Assert.InRange(lwShrinkage, 0, 1);
        double trace = 0, lwTrace = 0;
        for (var i = 0; i < 8; i++)
        {
            trace += cov[i, i];
            lwTrace += lw[i, i];
        }

        Assert.Equal(lwTrace, trace, 1e-12); // both keep trace(S_mle)
    }

    [Fact]
    public void ExponentialCovariance_HugeSpan_ApproachesBiasedSampleCovariance()
    {
        var r = Returns(2, 200, 4);
        var ew = CovarianceEstimators.ExponentiallyWeighted(r, span: 1e12);
        var sample = CovarianceEstimators.Sample(r);

        Assert.Equal(sample[1, 2] * 199 / 200, ew[1, 2], 1e-9);
    }

    [Fact]
    public void Semicovariance_IsPositiveSemidefiniteAndBelowSample()
    {
        var r = Returns(3, 100, 5);
        var semi = CovarianceEstimators.Semicovariance(r, 0);
        var sample = CovarianceEstimators.Sample(r);

        Assert.True(CovarianceRepair.IsPositiveDefinite(semi));
        for (var i = 0; i < 5; i++)
        {
            Assert.True(semi[i, i] < sample[i, i]);
        }
    }

    [Fact]
    public void RmtDenoising_KeepsVariances()
    {
        var r = Returns(4, 50, 20);
        var cov = CovarianceEstimators.Sample(r);
        var denoised = RandomMatrixDenoising.Denoise(cov, 50);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(cov[i, i], denoised[i, i], 1e-12);
        }

        Assert.True(CovarianceRepair.IsPositiveDefinite(denoised));
    }

    [Fact]
    public void Repair_IndefiniteMatrix_BecomesPositiveSemidefinite()
    {
        var bad = new double[,] { { 1, 0.9, 0.9 }, { 0.9, 1, -0.9 }, { 0.9, -0.9, 1 } };

        var fixedMatrix = CovarianceRepair.Repair(bad);
        var evd = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(fixedMatrix).Evd();

        Assert.True(evd.EigenValues.All(v => v.Real > -1e-12));
    }

    [Fact]
    public void GeometricMean_ConstantReturn_IsCompounded()
    {
        var r = new double[,] { { 0.01 }, { 0.01 }, { double.NaN }, { 0.01 } };

        Assert.Equal(Math.Pow(1.01, 252) - 1, ExpectedReturns.GeometricMean(r)[0], 1e-12);
    }

    [Fact]
    public void BlackLitterman_ViewEqualToPrior_LeavesReturnsUnchanged()
    {
        var cov = new double[,] { { 0.04, 0.01 }, { 0.01, 0.09 } };
        var prior = BlackLittermanModel.MarketImpliedPrior([3, 1], cov, 2.5, 0.02);

        var (mu, post) = BlackLittermanModel.Posterior(prior, cov, new double[,] { { 1, -1 } }, [prior[0] - prior[1]]);

        Assert.Equal(prior[0], mu[0], 1e-14);
        Assert.Equal(prior[1], mu[1], 1e-14);
        Assert.True(post[0, 0] > cov[0, 0]); // posterior adds estimation uncertainty
    }

    [Fact]
    public void BlackLitterman_BullishAbsoluteView_RaisesThatAsset()
    {
        var cov = new double[,] { { 0.04, 0.01 }, { 0.01, 0.09 } };
        var prior = BlackLittermanModel.MarketImpliedPrior([1, 1], cov, 2.5, 0);

        var (mu, _) = BlackLittermanModel.Posterior(prior, cov, new double[,] { { 1, 0 } }, [prior[0] + 0.1]);

        Assert.True(mu[0] > prior[0]);
        Assert.True(mu[0] < prior[0] + 0.1);
    }
}
