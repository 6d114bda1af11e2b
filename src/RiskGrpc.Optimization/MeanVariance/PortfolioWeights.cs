using RiskGrpc.Optimization.Solvers;

namespace RiskGrpc.Optimization.MeanVariance;

/// <summary>Weights produced by an optimizer together with how they were obtained.</summary>
/// <param name="Weights">One weight per asset, in input order.</param>
/// <param name="Solver">Engine name (QP solver or closed-form method).</param>
/// <param name="Iterations">Solver iterations (summed over inner solves for root-finding methods).</param>
/// <param name="ActiveConstraints">Names of the constraints active at the solution.</param>
public sealed record PortfolioWeights(double[] Weights, string Solver, int Iterations, IReadOnlyList<string> ActiveConstraints)
{
    /// <summary>The supervised k*-NN prediction behind the weights, for supervised-knn only.</summary>
    public Supervised.SupervisedKnnPrediction? SupervisedKnn { get; init; }

    internal static PortfolioWeights FromQp(QpSolution s, double[] weights, int extraIterations = 0) =>
        new(weights, s.Solver, s.Iterations + extraIterations, s.ActiveConstraints);
}
