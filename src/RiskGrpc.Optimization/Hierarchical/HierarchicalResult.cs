namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>Weights of a hierarchical allocation and the seriation (leaf order) it used.</summary>
/// <param name="Weights">One weight per asset in input order; they sum to 1.</param>
/// <param name="Order">Asset indices in dendrogram leaf order.</param>
/// <param name="Clusters">For HERC, the k flat clusters (asset indices); empty for HRP.</param>
public sealed record HierarchicalResult(double[] Weights, int[] Order, IReadOnlyList<int[]> Clusters);
