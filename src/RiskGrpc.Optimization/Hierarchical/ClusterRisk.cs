namespace RiskGrpc.Optimization.Hierarchical;

/// <summary>Naive (inverse-risk) weights of a set of assets and the risk of that naive portfolio.</summary>
internal static class ClusterRisk
{
    /// <summary>
    /// wᵢ ∝ 1/σᵢ² (variance) or 1/σᵢ (volatility) over <paramref name="members"/>, normalised to 1, written into
    /// <paramref name="w"/> (row-major covariance).
    /// </summary>
    public static void NaiveWeights(ReadOnlySpan<double> cov, int n, ReadOnlySpan<int> members, ClusterRiskMeasure measure, Span<double> w)
    {
        double sum = 0;
        for (var k = 0; k < members.Length; k++)
        {
            var v = cov[(members[k] * n) + members[k]];
            w[k] = measure == ClusterRiskMeasure.Variance ? 1 / v : 1 / Math.Sqrt(v);
            sum += w[k];
        }

        for (var k = 0; k < members.Length; k++)
        {
            w[k] /= sum;
        }
    }

    /// <summary>Naive weights of <paramref name="members"/>: the covariance rule, or 1/ρ of each asset alone for a scenario measure.</summary>
    public static void NaiveWeights(ReadOnlySpan<double> cov, int n, ReadOnlySpan<int> members, HierarchicalOptions options, Span<double> w)
    {
        if (options.ScenarioMeasure is not { } m)
        {
            NaiveWeights(cov, n, members, options.ClusterRisk, w);
            return;
        }

        double sum = 0;
        for (var k = 0; k < members.Length; k++)
        {
            var risk = RiskMeasures.ScenarioRisk.Evaluate(m, Column(options.Scenarios!, [members[k]], [1.0]), options.Alpha);
            w[k] = risk > 0 ? 1 / risk : throw Guard.Invalid($"asset {members[k]} has zero {RiskMeasures.RiskMeasureInfo.Name(m)}", "cluster_risk");
            sum += w[k];
        }

        for (var k = 0; k < members.Length; k++)
        {
            w[k] /= sum;
        }
    }

    /// <summary>Cluster risk: the covariance rule, or ρ of the naive portfolio's scenario returns for a scenario measure.</summary>
    public static double Risk(ReadOnlySpan<double> cov, int n, ReadOnlySpan<int> members, HierarchicalOptions options, Span<double> scratch)
    {
        if (options.ScenarioMeasure is not { } m)
        {
            return Risk(cov, n, members, options.ClusterRisk, scratch);
        }

        var w = scratch[..members.Length];
        NaiveWeights(cov, n, members, options, w);
        return RiskMeasures.ScenarioRisk.Evaluate(m, Column(options.Scenarios!, members, w), options.Alpha);
    }

    private static double[] Column(double[,] r, ReadOnlySpan<int> members, ReadOnlySpan<double> w)
    {
        var x = new double[r.GetLength(0)];
        for (var t = 0; t < x.Length; t++)
        {
            for (var k = 0; k < members.Length; k++)
            {
                x[t] += r[t, members[k]] * w[k];
            }
        }

        return x;
    }

    /// <summary>wᵀΣw (variance) or its square root (volatility) of the naive portfolio of <paramref name="members"/> (row-major covariance, with scratch space).</summary>
    public static double Risk(ReadOnlySpan<double> cov, int n, ReadOnlySpan<int> members, ClusterRiskMeasure measure, Span<double> scratch)
    {
        var w = scratch[..members.Length];
        NaiveWeights(cov, n, members, measure, w);
        double variance = 0;
        for (var a = 0; a < members.Length; a++)
        {
            var row = cov.Slice(members[a] * n, n);
            double inner = 0;
            for (var b = 0; b < members.Length; b++)
            {
                inner += row[members[b]] * w[b];
            }

            variance += w[a] * inner;
        }

        return measure == ClusterRiskMeasure.Variance ? variance : Math.Sqrt(variance);
    }

    /// <summary>
    /// Validates the inputs and builds the dendrogram on the distance √(clip((1 − ρ)/2, 0, 1)); with no correlation, ρ is
    /// implied by the covariance (computed on the fly, no matrix is allocated for it).
    /// </summary>
    public static (Dendrogram Tree, double[] Distances) Cluster(double[,] cov, double[,]? corr, LinkageMethod linkage)
    {
        ArgumentNullException.ThrowIfNull(cov);
        var dist = new double[cov.GetLength(0) * cov.GetLength(0)];
        return (Cluster(cov, corr, linkage, dist), dist);
    }

    /// <summary>As <see cref="Cluster(double[,], double[,], LinkageMethod)"/>, writing the n×n distances into <paramref name="dist"/> (length ≥ n²).</summary>
    public static Dendrogram Cluster(double[,] cov, double[,]? corr, LinkageMethod linkage, double[] dist)
    {
        ArgumentNullException.ThrowIfNull(cov);
        var n = cov.GetLength(0);
        Guard.Square(cov, n, "covariance");
        if (corr is not null)
        {
            Guard.Square(corr, n, "correlation");
        }

        var invStd = new double[n];
        for (var i = 0; i < n; i++)
        {
            invStd[i] = cov[i, i] > 0 ? 1 / Math.Sqrt(cov[i, i]) : throw Guard.Invalid($"variance of asset {i} must be positive", "covariance");
        }

        for (var i = 0; i < n; i++)
        {
            dist[(i * n) + i] = 0;
            for (var j = 0; j < i; j++)
            {
                var rho = corr is null ? cov[i, j] * invStd[i] * invStd[j] : corr[i, j];
                dist[(i * n) + j] = dist[(j * n) + i] = Math.Sqrt(Math.Clamp((1 - rho) / 2, 0, 1));
            }
        }

        return AgglomerativeLinkage.Build(dist, n, linkage);
    }
}
