using RiskGrpc.Optimization.Hierarchical;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cloud;

/// <summary>
/// Maps an engine <see cref="OptimizationRequest"/> (moments already estimated locally) to a cloud request, refusing
/// before any HTTP call what the service cannot express: shorts, market-neutral or levered budgets, linear limits,
/// L2 penalties, group minimums, risk budgets, CVaR, more assets than the cap. Every refusal says why.
/// </summary>
public static class CloudRequestMapper
{
    /// <summary>
    /// The structural checks that need no moments (method, constraints, asset count): cheap enough to run before
    /// estimation. Null when the cloud may serve the request.
    /// </summary>
    public static string? StructuralRefusal(OptimizationRequest request, int maxAssets)
    {
        ArgumentNullException.ThrowIfNull(request);
        var n = request.Assets.Count;
        if (n > maxAssets)
        {
            return $"{n} assets exceed the cloud's cap of {maxAssets} (RiskGrpc:Cloud:MaxAssets)";
        }

        if (n < 2)
        {
            return "the cloud needs at least 2 assets";
        }

        var method = Endpoint(request.Method);
        if (method.Refusal is { } refusal)
        {
            return refusal;
        }

        if (request.Method == OptimizationMethod.RiskParity && request.RiskBudgets is not null)
        {
            return "the cloud's equal-risk-contributions takes no risk budgets";
        }

        if (request.Method == OptimizationMethod.Hrp && request.ClusterRisk != ClusterRiskMeasure.Variance)
        {
            return "the cloud's hierarchical risk parity measures cluster risk by variance only";
        }

        return request.Constraints is { } c ? ConstraintRefusal(c, method.Endpoint) : null;
    }

    /// <summary>Maps <paramref name="request"/> with its resolved moments <paramref name="mu"/> and <paramref name="cov"/>.</summary>
    public static CloudRequestMapping Map(OptimizationRequest request, double[]? mu, double[,] cov, int maxAssets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cov);
        if (StructuralRefusal(request, maxAssets) is { } refusal)
        {
            return CloudRequestMapping.Refused(refusal);
        }

        var n = request.Assets.Count;
        var endpoint = Endpoint(request.Method).Endpoint;
        if (!AllFinite(cov) || (mu is not null && !mu.All(double.IsFinite)))
        {
            return CloudRequestMapping.Refused("expected returns and covariance must be finite");
        }

        var needsReturns = endpoint is CloudEndpoint.MaximumSharpeRatio or CloudEndpoint.MeanVarianceEfficient;
        if (needsReturns && mu is null)
        {
            return CloudRequestMapping.Refused("the method needs expected returns");
        }

        var diagonal = Enumerable.Range(0, n).Select(i => cov[i, i]).ToArray();
        var request0 = new CloudOptimizationRequest
        {
            Endpoint = endpoint,
            Assets = n,
            Covariance = endpoint is CloudEndpoint.EqualWeighted or CloudEndpoint.InverseVolatilityWeighted or CloudEndpoint.InverseVarianceWeighted ? null : cov,
            Returns = needsReturns ? mu : null,
            Volatilities = endpoint == CloudEndpoint.InverseVolatilityWeighted ? diagonal.Select(Math.Sqrt).ToArray() : null,
            Variances = endpoint == CloudEndpoint.InverseVarianceWeighted ? diagonal : null,
            RiskFreeRate = endpoint == CloudEndpoint.MaximumSharpeRatio ? request.RiskFreeRate : null,
        };
        var withTargets = request.Method switch
        {
            OptimizationMethod.EfficientReturn when request.TargetReturn is { } target => request0 with { PortfolioReturn = target },
            OptimizationMethod.EfficientRisk when request.TargetVolatility is { } target => request0 with { PortfolioVolatility = target },
            // Our utility is μᵀw − (δ/2)wᵀSw; the service's risk tolerance is taken as 1/δ [inferred, §5.4 gives no formula].
            OptimizationMethod.MaxQuadraticUtility => request0 with { RiskTolerance = 1 / request.RiskAversion },
            OptimizationMethod.EfficientReturn or OptimizationMethod.EfficientRisk => null,
            _ => request0,
        };
        if (withTargets is null)
        {
            return CloudRequestMapping.Refused("the efficient-return/efficient-risk target is missing");
        }

        if (request.Method == OptimizationMethod.MaxQuadraticUtility && !(request.RiskAversion > 0 && double.IsFinite(request.RiskAversion)))
        {
            return CloudRequestMapping.Refused("risk aversion must be finite and > 0");
        }

        var mapped = Hierarchical(request, withTargets);
        if (mapped.Refusal is not null || request.Constraints is not { } c)
        {
            return mapped;
        }

        var withConstraints = WithConstraints(mapped.Request!, c);
        var lo = Enumerable.Range(0, n).Sum(withConstraints.LowerBound);
        var hi = Enumerable.Range(0, n).Sum(withConstraints.UpperBound);
        return lo > withConstraints.MaximumExposure + 1e-12 || hi < withConstraints.MinimumExposure - 1e-12
            ? CloudRequestMapping.Refused($"weight bounds allow totals in [{lo}, {hi}], which cannot meet the exposure")
            : new CloudRequestMapping(withConstraints, null);
    }

    private static (CloudEndpoint Endpoint, string? Refusal) Endpoint(OptimizationMethod method) => method switch
    {
        OptimizationMethod.MinVolatility => (CloudEndpoint.MinimumVariance, null),
        OptimizationMethod.MaxSharpe => (CloudEndpoint.MaximumSharpeRatio, null),
        OptimizationMethod.EfficientReturn or OptimizationMethod.EfficientRisk or OptimizationMethod.MaxQuadraticUtility => (CloudEndpoint.MeanVarianceEfficient, null),
        OptimizationMethod.MaxDiversification => (CloudEndpoint.MostDiversified, null),
        OptimizationMethod.RiskParity => (CloudEndpoint.EqualRiskContributions, null),
        OptimizationMethod.Hrp => (CloudEndpoint.HierarchicalRiskParity, null),
        OptimizationMethod.Herc => (CloudEndpoint.HierarchicalClusteringBased, null),
        OptimizationMethod.EqualWeight => (CloudEndpoint.EqualWeighted, null),
        OptimizationMethod.InverseVolatility => (CloudEndpoint.InverseVolatilityWeighted, null),
        OptimizationMethod.InverseVariance => (CloudEndpoint.InverseVarianceWeighted, null),
        OptimizationMethod.MinCvar => (default, "the cloud has no CVaR optimization (CVaR is analysis only in API 1.0.9)"),
        _ => (default, $"the cloud has no method {method}"),
    };

    private static string? ConstraintRefusal(PortfolioConstraints c, CloudEndpoint endpoint)
    {
        if (c.Budget == 0)
        {
            return "market-neutral (budget 0) portfolios cannot be expressed: the cloud is long-only";
        }

        if (!(c.Budget > 0 && c.Budget <= 1))
        {
            return $"a budget of {c.Budget} cannot be expressed: the cloud's exposure lies in (0, 1]";
        }

        if (c.LowerBounds.Any(l => l < 0))
        {
            return "short positions (a lower bound below 0) cannot be expressed: the cloud is long-only";
        }

        if (c.LowerBounds.Any(l => l > 1 || double.IsNaN(l)) || c.UpperBounds.Any(double.IsNaN))
        {
            return "weight bounds must lie in [0, 1] for the cloud";
        }

        if (c.Inequalities.Count > 0)
        {
            return "linear limits cannot be expressed by the cloud";
        }

        if (c.L2Gamma != 0)
        {
            return "an L2 penalty cannot be expressed by the cloud";
        }

        if (c.Groups.Any(g => g.Lower > 0))
        {
            return "group minimums cannot be expressed: the cloud caps groups from above only";
        }

        if (c.Groups.Any(g => double.IsFinite(g.Upper) && g.Members.Distinct().Count() < 2))
        {
            return "a group of fewer than two distinct assets cannot be expressed by the cloud";
        }

        var bounded = c.LowerBounds.Any(l => l > 0) || c.UpperBounds.Any(u => u < 1);
        var grouped = c.Groups.Any(g => double.IsFinite(g.Upper));
        return endpoint switch
        {
            CloudEndpoint.EqualRiskContributions when c.Budget != 1 || grouped => "the cloud's equal-risk-contributions takes weight bounds only",
            CloudEndpoint.HierarchicalRiskParity or CloudEndpoint.HierarchicalClusteringBased when grouped => "the cloud's hierarchical methods take no group limits",
            CloudEndpoint.EqualWeighted or CloudEndpoint.InverseVolatilityWeighted or CloudEndpoint.InverseVarianceWeighted when bounded || grouped || c.Budget != 1
                => "the cloud's simple weightings take no constraints",
            _ => null,
        };
    }

    private static CloudRequestMapping Hierarchical(OptimizationRequest r, CloudOptimizationRequest request)
    {
        if (request.Endpoint is not (CloudEndpoint.HierarchicalRiskParity or CloudEndpoint.HierarchicalClusteringBased))
        {
            return new CloudRequestMapping(request, null);
        }

        var linkage = r.Linkage switch
        {
            LinkageMethod.Single => "singleLinkage",
            LinkageMethod.Average => "averageLinkage",
            LinkageMethod.Complete => "completeLinkage",
            LinkageMethod.Ward => "wardLinkage",
            _ => null,
        };
        if (linkage is null)
        {
            return CloudRequestMapping.Refused($"the cloud has no {r.Linkage} linkage");
        }

        if (request.Endpoint == CloudEndpoint.HierarchicalRiskParity)
        {
            return new CloudRequestMapping(request with { ClusteringMethod = linkage, ClusteringOrdering = r.OptimalLeafOrdering ? "optimal" : "r-hclust" }, null);
        }

        // HERC: inverse-risk allocation across and within clusters, by variance or volatility as the local engine does [inferred].
        return new CloudRequestMapping(request with
        {
            ClusteringMethod = linkage,
            Clusters = r.ClusterCount,
            ClusterAllocation = r.ClusterRisk == ClusterRiskMeasure.Volatility ? "inverseVolatility" : "inverseVariance",
        }, null);
    }

    private static CloudOptimizationRequest WithConstraints(CloudOptimizationRequest request, PortfolioConstraints c)
    {
        var lower = c.LowerBounds.Any(l => l > 0) ? c.LowerBounds.ToArray() : null;
        // With Σw ≤ 1 and long-only weights, an upper bound above 1 binds nowhere: 1 says the same in the service's range.
        var upper = c.UpperBounds.Any(u => u < 1) ? c.UpperBounds.Select(u => Math.Min(u, 1)).ToArray() : null;
        var groups = c.Groups.Where(g => double.IsFinite(g.Upper)).ToArray();
        var simple = request.Endpoint is CloudEndpoint.EqualWeighted or CloudEndpoint.InverseVolatilityWeighted or CloudEndpoint.InverseVarianceWeighted;
        return simple ? request : request with
        {
            MinimumWeights = lower,
            MaximumWeights = upper,
            MinimumExposure = c.Budget,
            MaximumExposure = c.Budget,
            Groups = groups.Select(g => g.Members.Distinct().Order().Select(i => i + 1).ToArray()).ToArray(),
            GroupCaps = groups.Select(g => Math.Clamp(g.Upper, 0, 1)).ToArray(),
        };
    }

    private static bool AllFinite(double[,] m)
    {
        foreach (var v in m)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
