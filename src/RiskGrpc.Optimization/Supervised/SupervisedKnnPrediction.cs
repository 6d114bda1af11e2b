namespace RiskGrpc.Optimization.Supervised;

/// <summary>
/// A supervised allocation: the weights Σ αᵢ Yᵢ of the neighbours' ex-post optimal portfolios (or the minimum-variance
/// fallback) with everything needed to explain them.
/// </summary>
public sealed record SupervisedKnnPrediction
{
    /// <summary>Portfolio weights, one per asset, summing to 1.</summary>
    public required double[] Weights { get; init; }

    /// <summary>Number of neighbours with positive weight (k* for k*-NN).</summary>
    public required int NeighbourCount { get; init; }

    /// <summary>The L/C ratio used (k*-NN), chosen by walk-forward validation; 0 for fixed k or the fallback.</summary>
    public required double LOverC { get; init; }

    /// <summary>Neighbours with positive weight, nearest first.</summary>
    public required IReadOnlyList<SupervisedKnnNeighbour> Neighbours { get; init; }

    /// <summary>Labelled training dates available at the query.</summary>
    public required int TrainingPoints { get; init; }

    /// <summary>Training dates that served as walk-forward validation queries for L/C.</summary>
    public required int ValidationPoints { get; init; }

    /// <summary>Why the minimum-variance fallback answered instead of the neighbours; null when it did not.</summary>
    public string? Fallback { get; init; }
}
