using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.Portfolios;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

public sealed class HierarchicalRiskMeasureTests
{
    [Theory]
    [InlineData(RiskMeasure.ConditionalValueAtRisk)]
    [InlineData(RiskMeasure.ConditionalDrawdownAtRisk)]
    [InlineData(RiskMeasure.EntropicValueAtRisk)]
    [InlineData(RiskMeasure.Mad)]
    public void Hrp_TwoAssets_WeightsAreInverseRisk(RiskMeasure measure)
    {
        var r = ScenarioData.Random(17, 300, 2);
        var table = Table(r);
        var result = PortfolioOptimizer.Optimize(new OptimizationRequest { Assets = table.Assets, Returns = table, Method = OptimizationMethod.Hrp, RiskMeasure = measure });

        var ra = ScenarioRisk.Evaluate(measure, r, [1.0, 0.0]);
        var rb = ScenarioRisk.Evaluate(measure, r, [0.0, 1.0]);
        Assert.Equal(rb / (ra + rb), result.Weights[0], 12);
        Assert.Equal(ra / (ra + rb), result.Weights[1], 12);
    }

    [Theory]
    [InlineData(OptimizationMethod.Hrp)]
    [InlineData(OptimizationMethod.Herc)]
    public void Hierarchical_CvarClusterRisk_DiffersFromVarianceAndSumsToOne(OptimizationMethod method)
    {
        var table = Table(ScenarioData.Riskfolio);
        OptimizationResult Run(RiskMeasure m) => PortfolioOptimizer.Optimize(new OptimizationRequest
        {
            Assets = table.Assets,
            Returns = table,
            Method = method,
            RiskMeasure = m,
            ClusterCount = method == OptimizationMethod.Herc ? 3 : null,
        });

        var cvar = Run(RiskMeasure.ConditionalValueAtRisk).Weights;
        var variance = Run(RiskMeasure.Variance).Weights;
        Assert.Equal(1, cvar.Sum(), 12);
        Assert.All(cvar, w => Assert.True(w > 0));
        Assert.True(cvar.Zip(variance, (a, b) => Math.Abs(a - b)).Max() > 1e-3, "the cluster risk measure had no effect");
    }

    [Fact]
    public void RiskParity_NonBudgetingMeasure_FailsPreconditionNamingMeasure()
    {
        var table = Table(ScenarioData.Riskfolio);
        var ex = Assert.Throws<OptimizationException>(() => PortfolioOptimizer.Optimize(new OptimizationRequest { Assets = table.Assets, Returns = table, Method = OptimizationMethod.RiskParity, RiskMeasure = RiskMeasure.WorstRealization }));
        Assert.Equal(OptimizationErrorKind.UnsupportedRiskMeasure, ex.Kind);
        Assert.Equal("risk_measure", ex.Parameter);
    }

    private static AssetTable Table(double[,] r)
    {
        var names = Enumerable.Range(0, r.GetLength(1)).Select(j => $"A{j}").ToArray();
        var labels = Enumerable.Range(0, r.GetLength(0)).Select(t => $"d{t}").ToArray();
        return new AssetTable(names, labels, r);
    }
}
