using System.Text.Json.Nodes;
using RiskGrpc.Cloud.Tests.Infrastructure;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cloud.Tests.Requests;

public sealed class CloudRequestMapperTests
{
    private static readonly double[,] Cov3 = { { 0.04, 0.01, 0.0 }, { 0.01, 0.09, 0.02 }, { 0.0, 0.02, 0.16 } };

    private static OptimizationRequest Three(OptimizationMethod method, PortfolioConstraints? constraints = null) => new()
    {
        Assets = ["A", "B", "C"],
        Covariance = Cov3,
        ExpectedReturns = [0.05, 0.07, 0.09],
        Method = method,
        Constraints = constraints,
        TargetReturn = 0.07,
        TargetVolatility = 0.2,
        ClusterCount = 2,
    };

    private static CloudRequestMapping Map(OptimizationRequest r, int maxAssets = 20) => CloudRequestMapper.Map(r, r.ExpectedReturns, r.Covariance!, maxAssets);

    public static TheoryData<string, string> Refusals => new()
    {
        { "shorts", "short" },
        { "market-neutral", "market-neutral" },
        { "linear-limit", "linear limits" },
        { "l2", "L2" },
        { "group-minimum", "group minimums" },
        { "min-cvar", "CVaR" },
        { "risk-budgets", "risk budgets" },
        { "too-many-assets", "cap of 2" },
        { "levered", "budget of 2" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Map_InexpressibleRequest_RefusedWithReason(string scenario, string because)
    {
        var request = scenario switch
        {
            "shorts" => Three(OptimizationMethod.MinVolatility, new PortfolioConstraints(3, -0.5, 1)),
            "market-neutral" => Three(OptimizationMethod.MinVolatility, new PortfolioConstraints(3, -1, 1) { Budget = 0 }),
            "linear-limit" => Three(OptimizationMethod.MinVolatility, new PortfolioConstraints(3, 0, 1) { Inequalities = [new LinearInequality("x", [1, 1, 0], 0.5)] }),
            "l2" => Three(OptimizationMethod.MinVolatility, new PortfolioConstraints(3, 0, 1) { L2Gamma = 0.1 }),
            "group-minimum" => Three(OptimizationMethod.MinVolatility, new PortfolioConstraints(3, 0, 1) { Groups = [new GroupConstraint("g", [0, 1], 0.2, 0.8)] }),
            "min-cvar" => Three(OptimizationMethod.MinCvar),
            "risk-budgets" => Three(OptimizationMethod.RiskParity) with { RiskBudgets = [0.5, 0.25, 0.25] },
            "too-many-assets" => Three(OptimizationMethod.MinVolatility),
            "levered" => Three(OptimizationMethod.MinVolatility, new PortfolioConstraints(3, 0, 2) { Budget = 2 }),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };

        var mapping = Map(request, scenario == "too-many-assets" ? 2 : 20);

        Assert.Null(mapping.Request);
        Assert.Contains(because, mapping.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_GroupCapAndBounds_OneBasedGroupsAndClippedUpperBounds()
    {
        var constraints = new PortfolioConstraints(3, 0.05, 2) { Groups = [new GroupConstraint("tech", [2, 0], double.NegativeInfinity, 0.6)] };

        var mapped = Map(Three(OptimizationMethod.MinVolatility, constraints)).Request!;

        Assert.Equal([1, 3], Assert.Single(mapped.Groups));
        Assert.Equal([0.6], mapped.GroupCaps);
        Assert.Equal([0.05, 0.05, 0.05], mapped.MinimumWeights!);
        Assert.Null(mapped.MaximumWeights);
        var json = JsonNode.Parse(CloudRequestJson.ToUtf8(mapped))!;
        Assert.Equal(3, json["assets"]!.GetValue<int>());
        Assert.Equal(0.09, json["assetsCovarianceMatrix"]![1]![1]!.GetValue<double>());
        Assert.Equal(1, json["constraints"]!["assetsGroups"]![0]![0]!.GetValue<int>());
        Assert.Equal(0.6, json["constraints"]!["maximumAssetsGroupsWeights"]![0]!.GetValue<double>());
        Assert.Null(json["constraints"]!["minimumPortfolioExposure"]);
    }

    [Theory]
    [InlineData(OptimizationMethod.MaxSharpe, CloudEndpoint.MaximumSharpeRatio)]
    [InlineData(OptimizationMethod.EfficientReturn, CloudEndpoint.MeanVarianceEfficient)]
    [InlineData(OptimizationMethod.EfficientRisk, CloudEndpoint.MeanVarianceEfficient)]
    [InlineData(OptimizationMethod.MaxQuadraticUtility, CloudEndpoint.MeanVarianceEfficient)]
    [InlineData(OptimizationMethod.MaxDiversification, CloudEndpoint.MostDiversified)]
    [InlineData(OptimizationMethod.RiskParity, CloudEndpoint.EqualRiskContributions)]
    [InlineData(OptimizationMethod.Hrp, CloudEndpoint.HierarchicalRiskParity)]
    [InlineData(OptimizationMethod.Herc, CloudEndpoint.HierarchicalClusteringBased)]
    [InlineData(OptimizationMethod.EqualWeight, CloudEndpoint.EqualWeighted)]
    [InlineData(OptimizationMethod.InverseVolatility, CloudEndpoint.InverseVolatilityWeighted)]
    [InlineData(OptimizationMethod.InverseVariance, CloudEndpoint.InverseVarianceWeighted)]
    public void Map_EachCloudMethod_PicksItsEndpointAndRequiredFields(OptimizationMethod method, CloudEndpoint endpoint)
    {
        var mapped = Map(Three(method)).Request!;

        Assert.Equal(endpoint, mapped.Endpoint);
        var json = JsonNode.Parse(CloudRequestJson.ToUtf8(mapped))!;
        switch (method)
        {
            case OptimizationMethod.MaxSharpe:
                Assert.Equal(0.0, json["riskFreeRate"]!.GetValue<double>());
                Assert.NotNull(json["assetsReturns"]);
                break;
            case OptimizationMethod.EfficientReturn:
                Assert.Equal(0.07, json["constraints"]!["portfolioReturn"]!.GetValue<double>());
                break;
            case OptimizationMethod.EfficientRisk:
                Assert.Equal(0.2, json["constraints"]!["portfolioVolatility"]!.GetValue<double>());
                break;
            case OptimizationMethod.MaxQuadraticUtility:
                Assert.Equal(1.0, json["constraints"]!["riskTolerance"]!.GetValue<double>());
                break;
            case OptimizationMethod.Hrp:
                Assert.Equal("singleLinkage", json["clusteringMethod"]!.GetValue<string>());
                break;
            case OptimizationMethod.Herc:
                Assert.Equal(2, json["clusters"]!.GetValue<int>());
                break;
            case OptimizationMethod.InverseVolatility:
                Assert.Equal(0.3, json["assetsVolatilities"]![1]!.GetValue<double>(), 1e-15);
                Assert.Null(json["assetsCovarianceMatrix"]);
                break;
            case OptimizationMethod.EqualWeight:
                Assert.Null(json["assetsCovarianceMatrix"]);
                break;
        }
    }

    [Fact]
    public void CacheKey_InputsEqualToTwelveDigits_ShareAKey()
    {
        var a = Map(DocumentedRequests.MaximumSharpe()).Request!;
        var b = Map(DocumentedRequests.MaximumSharpe(1 + 1e-15)).Request!;
        var c = Map(DocumentedRequests.MaximumSharpe(1 + 1e-6)).Request!;

        Assert.Equal(CloudRequestJson.CacheKey(a), CloudRequestJson.CacheKey(b));
        Assert.NotEqual(CloudRequestJson.CacheKey(a), CloudRequestJson.CacheKey(c));
    }
}
