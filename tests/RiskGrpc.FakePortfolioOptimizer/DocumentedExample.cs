namespace RiskGrpc.FakePortfolioOptimizer;

/// <summary>
/// A documented example of §5 of the API notes: the request fields that identify it and the documented answer. The
/// covariance may arrive multiplied by any positive factor (every example's weights are invariant to it), so tests
/// can tell requests apart by the factor.
/// </summary>
/// <param name="Endpoint">Last path segment(s) after <c>optimization/</c>.</param>
/// <param name="Covariance">The documented covariance.</param>
/// <param name="Returns">Expected returns, when part of the example.</param>
/// <param name="RiskFreeRate">Risk-free rate, when part of the example.</param>
/// <param name="MaximumWeights">Upper bounds, when part of the example.</param>
/// <param name="Exposure">Minimum and maximum exposure (1 unless documented).</param>
/// <param name="PortfolioReturn">Target return, when part of the example.</param>
/// <param name="Weights">The documented answer.</param>
public sealed record DocumentedExample(
    string Endpoint,
    double[][] Covariance,
    double[]? Returns,
    double? RiskFreeRate,
    double[]? MaximumWeights,
    double Exposure,
    double? PortfolioReturn,
    double[] Weights)
{
    /// <summary>The examples of §5.2–§5.7.</summary>
    public static IReadOnlyList<DocumentedExample> All { get; } =
    [
        // §5.2: maximum weights [0.4, 1], exposure 0.5 → about [0.4, 0.1].
        new("minimum-variance", [[0.0025, 0.0005], [0.0005, 0.01]], null, null, [0.4, 1], 0.5, null, [0.4, 0.1]),
        // §5.3: returns [0.05, 0.10], risk-free 0 → about [0.2727, 0.7273].
        new("maximum-sharpe-ratio", [[0.05, 0.02], [0.02, 0.07]], [0.05, 0.10], 0, null, 1, null, [0.2727, 0.7273]),
        // §5.4: returns [0.1, 0.2], portfolioReturn 0.15 → [0.5, 0.5].
        new("mean-variance-efficient", [[1, 0.3], [0.3, 1]], [0.1, 0.2], null, null, 1, 0.15, [0.5, 0.5]),
        // §5.5: maximum weights [0.4, 1] → about [0.4, 0.6].
        new("equal-risk-contributions", [[0.0025, 0.0005], [0.0005, 0.01]], null, null, [0.4, 1], 1, null, [0.4, 0.6]),
        // §5.7: → [1/3, 2/3].
        new("most-diversified", [[0.04, 0.01], [0.01, 0.01]], null, null, null, 1, null, [1.0 / 3, 2.0 / 3]),
    ];
}
