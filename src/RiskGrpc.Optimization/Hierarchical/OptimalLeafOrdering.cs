namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>
/// Optimal leaf ordering (Bar-Joseph, Gifford and Jaakkola 2001): among the 2ⁿ⁻¹ orders obtained by flipping merges,
/// the one minimising the sum of distances between adjacent leaves. Dynamic programme over the tree: M[u,w] is the best
/// cost of an ordering of the subtree at LCA(u, w) that starts at u (left child) and ends at w (right child); O(n³).
/// The root keeps its left child on the left, so the result is the order scipy's <c>optimal_leaf_ordering</c> returns.
/// </summary>
internal static class OptimalLeafOrdering
{
    /// <summary>Leaf order of <paramref name="tree"/> after optimal flipping.</summary>
    public static int[] Order(Dendrogram tree, double[] dist)
    {
        var n = tree.LeafCount;
        var m = new double[n * n];
        var leaves = new List<int>[(2 * n) - 1];
        for (var i = 0; i < n; i++)
        {
            leaves[i] = [i];
        }

        var t = new double[n];
        for (var k = 0; k < n - 1; k++)
        {
            var l = tree.Left[k];
            var r = tree.Right[k];
            leaves[n + k] = [.. Leaves(leaves, l), .. Leaves(leaves, r)];
            foreach (var u in leaves[l])
            {
                // T(u, j) = min over admissible m in l of M[u,m] + D[m,j], for every j in r.
                foreach (var j in leaves[r])
                {
                    var best = double.PositiveInfinity;
                    foreach (var mid in Ends(tree, leaves, l, u))
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
        }

        var root = tree.Root;
        var (bu, bw, bc) = (-1, -1, double.PositiveInfinity);
        foreach (var u in leaves[tree.Left[root - n]])
        {
            foreach (var w in leaves[tree.Right[root - n]])
            {
                if (m[(u * n) + w] < bc)
                {
                    (bu, bw, bc) = (u, w, m[(u * n) + w]);
                }
            }
        }

        var order = new List<int>(n);
        Emit(tree, leaves, dist, m, root, bu, bw, order);
        return [.. order];
    }

    private static List<int> Leaves(List<int>[] leaves, int node) => leaves[node];

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

    private static void Emit(Dendrogram tree, List<int>[] leaves, double[] dist, double[] m, int node, int start, int end, List<int> order)
    {
        var n = tree.LeafCount;
        if (node < n)
        {
            order.Add(node);
            return;
        }

        var l = tree.Left[node - n];
        var r = tree.Right[node - n];
        var (first, second) = leaves[l].Contains(start) ? (l, r) : (r, l);
        var (bm, bj, bc) = (-1, -1, double.PositiveInfinity);
        foreach (var mid in Ends(tree, leaves, first, start))
        {
            foreach (var j in Ends(tree, leaves, second, end))
            {
                var c = Cost(m, n, start, mid) + dist[(mid * n) + j] + Cost(m, n, j, end);
                if (c < bc)
                {
                    (bm, bj, bc) = (mid, j, c);
                }
            }
        }

        Emit(tree, leaves, dist, m, first, start, bm, order);
        Emit(tree, leaves, dist, m, second, bj, end, order);
    }
}
