using RiskGrpc.Optimization.Supervised;

namespace RiskGrpc.Backtesting.Tests;

public sealed class NeighbourWeightsTests
{
    [Fact]
    public void Hassanat_MatchesTheFormulaForPositiveAndNegativeCoordinates()
    {
        // (0.2, 0.5): 1 − 1.2/1.5 = 0.2. (−0.3, 0.1): min<0 → 1 − (1 − 0.3 + 0.3)/(1 + 0.1 + 0.3) = 1 − 1/1.4.
        double expected = 0.2 + (1 - (1 / 1.4)) + 0;
        Assert.Equal(expected, HassanatDistance.Compute([0.2, -0.3, 4], [0.5, 0.1, 4]), 14);
    }

    [Fact]
    public void Hassanat_IsSymmetricBoundedAndZeroOnlyForEqualVectors()
    {
        var random = new Random(3);
        for (var k = 0; k < 200; k++)
        {
            var x = Enumerable.Range(0, 7).Select(_ => (random.NextDouble() - 0.5) * 10).ToArray();
            var y = Enumerable.Range(0, 7).Select(_ => (random.NextDouble() - 0.5) * 10).ToArray();
            var d = HassanatDistance.Compute(x, y);
            Assert.Equal(d, HassanatDistance.Compute(y, x), 14);
            Assert.InRange(d, 1e-12, 7);
            Assert.Equal(0, HassanatDistance.Compute(x, x));
        }
    }

    [Fact]
    public void KStar_SatisfiesAnavaLevyConditions()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(1, 40);
            var d = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 3).Order().ToArray();
            var lOverC = Math.Exp((random.NextDouble() * 8) - 4);
            var alphas = new double[n];
            var k = NeighbourWeights.KStar(d, lOverC, alphas);

            Assert.InRange(k, 1, n);
            Assert.Equal(1, alphas.Sum(), 12);
            Assert.All(alphas, a => Assert.True(a >= 0));
            for (var i = 1; i < n; i++)
            {
                Assert.True(alphas[i] <= alphas[i - 1] + 1e-15, "closer neighbours weigh at least as much");
            }

            // λ solves Σ_{i≤k}(λ − βᵢ)² = 1 and stops before β_{k+1}; α ∝ (λ − β)₊.
            var beta = d.Select(x => x * lOverC).ToArray();
            var s1 = beta.Take(k).Sum();
            var s2 = beta.Take(k).Sum(b => b * b);
            var lambda = (s1 + Math.Sqrt(k + (s1 * s1) - (k * s2))) / k;
            Assert.Equal(1, beta.Take(k).Sum(b => (lambda - b) * (lambda - b)), 9);
            if (k < n)
            {
                Assert.True(lambda <= beta[k] + 1e-12);
            }

            var norm = beta.Take(k).Sum(b => Math.Max(0, lambda - b));
            for (var i = 0; i < k; i++)
            {
                Assert.Equal(Math.Max(0, lambda - beta[i]) / norm, alphas[i], 12);
            }
        }
    }

    [Fact]
    public void KStar_EqualDistancesShareWeightAndFarPointsGetNone()
    {
        var alphas = new double[4];
        Assert.Equal(3, NeighbourWeights.KStar([1, 1, 1, 50], 1, alphas));
        Assert.All(alphas.Take(3), a => Assert.Equal(1 / 3.0, a, 14));
        Assert.Equal(0, alphas[3]);
    }

    [Fact]
    public void KStar_LargerRatioUsesFewerNeighbours()
    {
        double[] d = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
        var alphas = new double[d.Length];
        var wide = NeighbourWeights.KStar(d, 0.5, alphas);
        var narrow = NeighbourWeights.KStar(d, 50, alphas);
        Assert.True(narrow < wide, $"k*={narrow} at L/C=50 vs {wide} at 0.5");
        Assert.Equal(1, narrow);
    }

    [Fact]
    public void FixedInverseDistance_WeightsByOneOverDistance()
    {
        var alphas = new double[4];
        Assert.Equal(2, NeighbourWeights.FixedInverseDistance([1, 2, 3, 4], 2, alphas));
        Assert.Equal(2 / 3.0, alphas[0], 14);
        Assert.Equal(1 / 3.0, alphas[1], 14);
        Assert.Equal(0, alphas[2]);

        Assert.Equal(2, NeighbourWeights.FixedInverseDistance([0, 0, 3, 4], 3, alphas));
        Assert.Equal([0.5, 0.5, 0, 0], alphas);
    }
}
