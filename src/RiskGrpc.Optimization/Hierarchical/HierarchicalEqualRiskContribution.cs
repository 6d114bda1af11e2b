namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>
/// Hierarchical Equal Risk Contribution (Raffinot 2018) as Riskfolio's HERC: cut the dendrogram into k clusters; walk the
/// k − 1 highest merges from the top, giving the left side α = 1 − R_L/(R_L + R_R) of the weight, where R_L sums the
/// naive-portfolio risks of the k clusters inside the left side; inside each cluster, naive (inverse-risk) weights.
/// The leaf order does not affect the weights.
/// </summary>
public static class HierarchicalEqualRiskContribution
{
    /// <summary>Computes HERC weights with <paramref name="clusterCount"/> flat clusters (1 ≤ k ≤ N).</summary>
    public static HierarchicalResult Compute(double[,] covariance, double[,]? correlation, HierarchicalOptions options, int clusterCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        if (clusterCount < 1 || clusterCount > n)
        {
            throw Guard.Invalid($"HERC needs 1 ≤ clusters ≤ {n}, got {clusterCount}", "clusters");
        }

        if (options.LowerBounds is not null || options.UpperBounds is not null)
        {
            throw Guard.Invalid("HERC does not support weight bounds", "bounds");
        }

        var (tree, dist) = ClusterRisk.Cluster(covariance, correlation, options.Linkage);
        var order = options.OptimalLeafOrdering ? OptimalLeafOrdering.Order(tree, dist) : tree.Leaves(tree.Root).ToArray();

        // The k − 1 highest merges are the last rows; the flat clusters are their children that are not themselves split.
        var firstSplit = n - clusterCount; // merge index of the lowest split node
        var clusterRoots = new List<int>();
        for (var k = n - 2; k >= firstSplit; k--)
        {
            foreach (var child in new[] { tree.Left[k], tree.Right[k] })
            {
                if (child < n + firstSplit)
                {
                    clusterRoots.Add(child);
                }
            }
        }

        if (clusterCount == 1)
        {
            clusterRoots.Add(tree.Root);
        }

        var clusters = clusterRoots.Select(r => tree.Leaves(r).ToArray()).ToList();
        // One row-major copy of Σ for every cluster's naive portfolio (not one per call).
        var flat = DenseMath.Flatten(covariance);
        var scratch = new double[n];
        var risks = clusters.Select(c => ClusterRisk.Risk(flat, n, c, options, scratch)).ToArray();
        var w = Enumerable.Repeat(1.0, n).ToArray();
        for (var k = n - 2; k >= firstSplit; k--)
        {
            var left = tree.Leaves(tree.Left[k]).ToHashSet();
            var right = tree.Leaves(tree.Right[k]).ToHashSet();
            double lr = 0, rr = 0;
            for (var c = 0; c < clusters.Count; c++)
            {
                if (clusters[c].All(left.Contains))
                {
                    lr += risks[c];
                }
                else if (clusters[c].All(right.Contains))
                {
                    rr += risks[c];
                }
            }

            var alpha = 1 - (lr / (lr + rr));
            foreach (var i in left)
            {
                w[i] *= alpha;
            }

            foreach (var i in right)
            {
                w[i] *= 1 - alpha;
            }
        }

        foreach (var c in clusters)
        {
            var naive = scratch.AsSpan(0, c.Length);
            ClusterRisk.NaiveWeights(flat, n, c, options, naive);
            for (var k = 0; k < c.Length; k++)
            {
                w[c[k]] *= naive[k];
            }
        }

        return new HierarchicalResult(w, order, clusters);
    }
}
