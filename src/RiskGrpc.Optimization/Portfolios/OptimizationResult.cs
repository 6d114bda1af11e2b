using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Portfolios;

/// <summary>Weights, their ex-ante performance and how they were produced.</summary>
/// <param name="Assets">Asset names.</param>
/// <param name="Weights">One weight per asset.</param>
/// <param name="Performance">Expected return, volatility, Sharpe and risk contributions (annualised inputs).</param>
/// <param name="Engine">Solver or closed-form method that produced the weights.</param>
/// <param name="Iterations">Solver iterations.</param>
/// <param name="ActiveConstraints">Constraints active at the solution.</param>
/// <param name="Elapsed">Wall time of estimation plus optimisation.</param>
/// <param name="Risk">Every scenario risk measure of the weights (per period), when the request carried scenario returns.</param>
public sealed record OptimizationResult(
    IReadOnlyList<string> Assets,
    double[] Weights,
    PortfolioPerformance Performance,
    string Engine,
    int Iterations,
    IReadOnlyList<string> ActiveConstraints,
    TimeSpan Elapsed,
    IReadOnlyDictionary<RiskMeasure, double>? Risk = null)
{
    /// <summary>The supervised k*-NN prediction (k*, L/C, neighbours with dates), for supervised-knn only.</summary>
    public Supervised.SupervisedKnnPrediction? SupervisedKnn { get; init; }
}
