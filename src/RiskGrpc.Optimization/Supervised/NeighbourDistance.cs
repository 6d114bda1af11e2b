namespace RiskGrpc.Optimization.Supervised;

/// <summary>How the supervised allocator measures the distance between two feature vectors.</summary>
public enum NeighbourDistance
{
    /// <summary>Hassanat distance on the raw features: scale invariant, each coordinate contributes a term in [0, 1).</summary>
    Hassanat,

    /// <summary>Euclidean distance on features z-scored with the training span's own mean and standard deviation.</summary>
    EuclideanZScore,
}
