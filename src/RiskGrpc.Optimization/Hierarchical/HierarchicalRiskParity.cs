using System.Buffers;

namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>
/// Hierarchical Risk Parity (López de Prado 2016) as PyPortfolioOpt's <c>HRPOpt</c> and Riskfolio's <c>HCPortfolio</c>:
/// cluster on √((1 − ρ)/2), seriate by the dendrogram's leaf order (optionally optimal), then bisect the ordered list in
/// halves; each split gives the left half α = 1 − R_left/(R_left + R_right) of its parent's weight, R the risk of a
/// half's naive portfolio. With bounds, α is clamped so each half can still meet Σ lower ≤ weight ≤ Σ upper (Riskfolio).
/// </summary>
public static class HierarchicalRiskParity
{
    /// <summary>Computes HRP weights from a covariance and a correlation (null: implied by the covariance).</summary>
    public static HierarchicalResult Compute(double[,] covariance, double[,]? correlation, HierarchicalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        // One pooled n² buffer serves first as the distance matrix, then as the row-major covariance: at n = 500 two fresh
        // 2 MB arrays per call would land on the large-object heap and force gen-2 collections.
        var buffer = ArrayPool<double>.Shared.Rent(n * n);
        try
        {
            return Weights(covariance, correlation, options, n, buffer);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static HierarchicalResult Weights(double[,] covariance, double[,]? correlation, HierarchicalOptions options, int n, double[] buffer)
    {
        var tree = ClusterRisk.Cluster(covariance, correlation, options.Linkage, buffer);
        var order = options.OptimalLeafOrdering ? OptimalLeafOrdering.Order(tree, buffer) : tree.Leaves(tree.Root).ToArray();
        var (lower, upper) = Bounds(options, n);

        var flat = buffer;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                flat[(i * n) + j] = covariance[i, j];
            }
        }

        var scratch = new double[n];
        var w = Enumerable.Repeat(1.0, n).ToArray();
        var clusters = new List<ArraySegment<int>> { new(order) };
        while (clusters.Count > 0)
        {
            var next = new List<ArraySegment<int>>();
            foreach (var c in clusters.Where(c => c.Count > 1))
            {
                var half = c.Count / 2;
                var left = c[..half];
                var right = c[half..];
                var lr = ClusterRisk.Risk(flat, n, left, options, scratch);
                var rr = ClusterRisk.Risk(flat, n, right, options, scratch);
                var alpha = 1 - (lr / (lr + rr));
                var parent = w[left[0]] > 0 ? w[left[0]] : 1;
                alpha = Clamp(alpha, parent, left, right, lower, upper);
                foreach (var i in left)
                {
                    w[i] *= alpha;
                }

                foreach (var i in right)
                {
                    w[i] *= 1 - alpha;
                }

                next.Add(left);
                next.Add(right);
            }

            clusters = next;
        }

        return new HierarchicalResult(w, order, []);
    }

    private static double Clamp(double alpha, double parentWeight, ArraySegment<int> left, ArraySegment<int> right, double[]? lower, double[]? upper)
    {
        if (lower is null || upper is null)
        {
            return alpha;
        }

        // parentWeight is the weight already assigned to the whole cluster (all members share it before the split).
        var lo = Math.Max(left.Sum(i => lower[i]) / parentWeight, 1 - (right.Sum(i => upper[i]) / parentWeight));
        var hi = Math.Min(left.Sum(i => upper[i]) / parentWeight, 1 - (right.Sum(i => lower[i]) / parentWeight));
        if (lo > hi + 1e-12)
        {
            throw new OptimizationException(OptimizationErrorKind.Infeasible, "HRP weight bounds cannot be met by the bisection", "bounds");
        }

        return Math.Clamp(alpha, lo, Math.Max(lo, hi));
    }

    private static (double[]? Lower, double[]? Upper) Bounds(HierarchicalOptions options, int n)
    {
        if (options.LowerBounds is null && options.UpperBounds is null)
        {
            return (null, null);
        }

        var lower = options.LowerBounds?.ToArray() ?? new double[n];
        var upper = options.UpperBounds?.ToArray() ?? Enumerable.Repeat(1.0, n).ToArray();
        Guard.Length(lower, n, "lower_bounds");
        Guard.Length(upper, n, "upper_bounds");
        if (lower.Any(l => l < 0) || lower.Zip(upper).Any(p => p.First > p.Second) || lower.Sum() > 1 + 1e-12 || upper.Sum() < 1 - 1e-12)
        {
            throw new OptimizationException(OptimizationErrorKind.Infeasible, "HRP bounds must satisfy 0 ≤ lower ≤ upper with Σlower ≤ 1 ≤ Σupper", "bounds");
        }

        return (lower, upper);
    }
}
