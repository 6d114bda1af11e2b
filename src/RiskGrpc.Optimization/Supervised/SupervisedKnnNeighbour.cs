namespace RiskGrpc.Optimization.Supervised;

/// <summary>One neighbour used by a prediction: its training date's row, its distance to the query and its weight α.</summary>
public sealed record SupervisedKnnNeighbour(int Row, double Distance, double Weight)
{
    /// <summary>The training date's row label, when the caller knows the labels.</summary>
    public string? Date { get; init; }
}
