namespace RiskGrpc.Optimization.Supervised;

/// <summary>How the supervised allocator picks and weights neighbours.</summary>
public enum NeighbourWeighting
{
    /// <summary>k*-NN of Anava &amp; Levy (2016): adaptive k and weights per query from the ratio L/C.</summary>
    KStar,

    /// <summary>A fixed number k of neighbours weighted by inverse distance.</summary>
    FixedInverseDistance,
}
