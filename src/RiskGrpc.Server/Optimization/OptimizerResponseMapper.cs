using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Server.Optimization;

/// <summary>Translates engine results into proto messages.</summary>
internal static class OptimizerResponseMapper
{
    public static OptimizerPortfolio Portfolio(OptimizationResult result)
    {
        var p = new OptimizerPortfolio { Volatility = result.Performance.Volatility };
        if (double.IsFinite(result.Performance.ExpectedReturn))
        {
            p.ExpectedReturn = result.Performance.ExpectedReturn;
        }

        if (double.IsFinite(result.Performance.Sharpe))
        {
            p.Sharpe = result.Performance.Sharpe;
        }

        for (var i = 0; i < result.Assets.Count; i++)
        {
            p.Weights.Add(new OptimizerAssetWeight
            {
                Asset = result.Assets[i],
                Weight = result.Weights[i],
                RiskContribution = result.Performance.RiskContributions[i],
            });
        }

        return p;
    }

    public static OptimizerDiagnostics Diagnostics(OptimizationResult result, int iterations, TimeSpan elapsed)
    {
        var d = new OptimizerDiagnostics
        {
            Engine = result.Engine,
            Iterations = iterations,
            Status = result.Engine is "closed-form" or "hrp" or "herc" ? OptimizationStatus.ClosedForm : OptimizationStatus.Optimal,
            ElapsedMilliseconds = elapsed.TotalMilliseconds,
        };
        d.ActiveConstraints.Add(result.ActiveConstraints);
        if (result.SupervisedKnn is { } knn)
        {
            d.SupervisedKnn = new SupervisedKnnDiagnostics
            {
                NeighbourCount = knn.NeighbourCount,
                LOverC = knn.LOverC,
                TrainingPoints = knn.TrainingPoints,
                ValidationPoints = knn.ValidationPoints,
                Fallback = knn.Fallback ?? string.Empty,
            };
            d.SupervisedKnn.Neighbours.Add(knn.Neighbours.Select(n => new Contracts.V1.SupervisedKnnNeighbour { Date = n.Date ?? string.Empty, Distance = n.Distance, Weight = n.Weight }));
        }

        return d;
    }
}
