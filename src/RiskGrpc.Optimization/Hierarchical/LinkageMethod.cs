namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>Agglomerative linkage criterion (scipy names and update rules).</summary>
public enum LinkageMethod
{
    /// <summary>Minimum distance (minimum spanning tree).</summary>
#pragma warning disable CA1720 // "single" is the established name of this linkage (scipy, Riskfolio).
    Single = 1,
#pragma warning restore CA1720

    /// <summary>Unweighted average distance (UPGMA).</summary>
    Average = 2,

    /// <summary>Maximum distance.</summary>
    Complete = 3,

    /// <summary>Ward's minimum-variance update (Lance-Williams).</summary>
    Ward = 4,
}
