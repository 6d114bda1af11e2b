namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>
/// A linkage in scipy's layout: merge k joins nodes <see cref="Left"/>[k] and <see cref="Right"/>[k] (ids &lt; n are
/// leaves, id n+k is merge k) at <see cref="Height"/>[k]; merges are sorted by height and Left &lt; Right, as scipy's
/// <c>linkage</c> returns them.
/// </summary>
internal sealed class Dendrogram
{
    public Dendrogram(int leaves, int[] left, int[] right, double[] height)
    {
        LeafCount = leaves;
        Left = left;
        Right = right;
        Height = height;
    }

    public int LeafCount { get; }

    public int[] Left { get; }

    public int[] Right { get; }

    public double[] Height { get; }

    public int Root => LeafCount + Left.Length - 1;

    /// <summary>Leaves under <paramref name="node"/> left to right (scipy <c>ClusterNode.pre_order</c>).</summary>
    public List<int> Leaves(int node)
    {
        var result = new List<int>();
        var stack = new Stack<int>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            if (v < LeafCount)
            {
                result.Add(v);
                continue;
            }

            stack.Push(Right[v - LeafCount]);
            stack.Push(Left[v - LeafCount]);
        }

        return result;
    }
}
