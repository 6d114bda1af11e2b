namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>
/// Optimal leaf ordering (Bar-Joseph, Gifford and Jaakkola 2001) with scipy's <c>optimal_leaf_ordering</c> conventions, so
/// Riskfolio's seriation is reproduced: M[u,w] is the least sum of adjacent distances of an ordering of the subtree at
/// LCA(u, w) running from u (left child side) to w (right child side). Like scipy, each merge picks its own best (u, w)
/// and from it decides whether each child is mirrored; a node's final orientation is the parity of the mirrors of itself
/// and its ancestors. (This is scipy's rule, not a global backtrack, and is what the reference orders encode.) O(n³).
/// </summary>
internal static class OptimalLeafOrdering
{
    /// <summary>Leaf order of <paramref name="tree"/> after the swaps.</summary>
    public static int[] Order(Dendrogram tree, double[] dist)
    {
        var n = tree.LeafCount;
        var merges = n - 1;
        var m = new double[n * n];
        var leaves = new List<int>[(2 * n) - 1];
        for (var i = 0; i < n; i++)
        {
            leaves[i] = [i];
        }

        var mustSwap = new bool[merges];
        var t = new double[n];
        for (var k = 0; k < merges; k++)
        {
            var l = tree.Left[k];
            var r = tree.Right[k];
            leaves[n + k] = [.. leaves[l], .. leaves[r]];
            foreach (var u in leaves[l])
            {
                // T(u, j) = min over admissible m in l of M[u,m] + D[m,j], for every j in r.
                var ends = Ends(tree, leaves, l, u);
                foreach (var j in leaves[r])
                {
                    var best = double.PositiveInfinity;
                    foreach (var mid in ends)
                    {
                        best = Math.Min(best, Cost(m, n, u, mid) + dist[(mid * n) + j]);
                    }

                    t[j] = best;
                }

                foreach (var w in leaves[r])
                {
                    var best = double.PositiveInfinity;
                    foreach (var j in Ends(tree, leaves, r, w))
                    {
                        best = Math.Min(best, t[j] + Cost(m, n, j, w));
                    }

                    m[(u * n) + w] = m[(w * n) + u] = best;
                }
            }

            // This merge's own best (u, w), scanned in current leaf order with a strict '<' as scipy does.
            var (bu, bw, bc) = (-1, -1, double.PositiveInfinity);
            foreach (var u in leaves[l])
            {
                foreach (var w in leaves[r])
                {
                    if (m[(u * n) + w] < bc)
                    {
                        (bu, bw, bc) = (u, w, m[(u * n) + w]);
                    }
                }
            }

            // Left child is mirrored if its ordering must start in its right part; right child if it must end in its left part.
            if (l >= n)
            {
                mustSwap[l - n] = leaves[tree.Right[l - n]].Contains(bu);
            }

            if (r >= n)
            {
                mustSwap[r - n] = leaves[tree.Left[r - n]].Contains(bw);
            }
        }

        // Orientation of a merge = parity of mirrors of itself and its ancestors; parents come after children.
        var parity = new bool[merges];
        for (var k = merges - 1; k >= 0; k--)
        {
            parity[k] ^= mustSwap[k];
            foreach (var child in new[] { tree.Left[k], tree.Right[k] })
            {
                if (child >= n)
                {
                    parity[child - n] = parity[k];
                }
            }
        }

        var left = new int[merges];
        var right = new int[merges];
        for (var k = 0; k < merges; k++)
        {
            (left[k], right[k]) = parity[k] ? (tree.Right[k], tree.Left[k]) : (tree.Left[k], tree.Right[k]);
        }

        return [.. new Dendrogram(n, left, right, tree.Height).Leaves(tree.Root)];
    }

    private static double Cost(double[] m, int n, int a, int b) => a == b ? 0 : m[(a * n) + b];

    /// <summary>Leaves of <paramref name="node"/> that can end an ordering of it starting at <paramref name="start"/>.</summary>
    private static List<int> Ends(Dendrogram tree, List<int>[] leaves, int node, int start)
    {
        if (node < tree.LeafCount)
        {
            return [start];
        }

        var l = tree.Left[node - tree.LeafCount];
        var r = tree.Right[node - tree.LeafCount];
        return leaves[l].Contains(start) ? leaves[r] : leaves[l];
    }
}
