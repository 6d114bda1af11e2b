namespace RiskGrpc.Optimization.MeanVariance;

/// <summary>
/// Constraints shared by the mean-variance objectives: per-asset bounds lᵢ ≤ wᵢ ≤ uᵢ (shorts when lᵢ &lt; 0), the budget
/// Σw = <see cref="Budget"/> (1, or 0 for market neutral), group limits, general inequalities Aw ≤ b and an L2 penalty
/// γ‖w‖² added to the risk term.
/// </summary>
public sealed class PortfolioConstraints
{
    /// <summary>Long-only, fully invested: 0 ≤ wᵢ ≤ 1, Σw = 1.</summary>
    public static PortfolioConstraints LongOnly(int assets) => new(assets, 0, 1);

    /// <summary>Same bounds for every asset.</summary>
    public PortfolioConstraints(int assets, double minWeight, double maxWeight)
    {
        if (assets <= 0)
        {
            throw Guard.Invalid("at least one asset is required", "assets");
        }

        LowerBounds = Enumerable.Repeat(minWeight, assets).ToArray();
        UpperBounds = Enumerable.Repeat(maxWeight, assets).ToArray();
    }

    /// <summary>Per-asset lower bounds (−∞ allowed).</summary>
    public double[] LowerBounds { get; }

    /// <summary>Per-asset upper bounds (+∞ allowed).</summary>
    public double[] UpperBounds { get; }

    /// <summary>Σw: 1 for a fully invested portfolio, 0 for market neutral.</summary>
    public double Budget { get; init; } = 1.0;

    /// <summary>Group limits.</summary>
    public IReadOnlyList<GroupConstraint> Groups { get; init; } = [];

    /// <summary>General inequalities Aw ≤ b.</summary>
    public IReadOnlyList<LinearInequality> Inequalities { get; init; } = [];

    /// <summary>γ ≥ 0 of the L2 penalty γ‖w‖² (PyPortfolioOpt's <c>L2_reg</c>).</summary>
    public double L2Gamma { get; init; }

    /// <summary>Number of assets.</summary>
    public int AssetCount => LowerBounds.Length;

    /// <summary>Checks shapes and the obvious infeasibilities (lᵢ &gt; uᵢ, bounds that cannot reach the budget).</summary>
    public void Validate(int assets)
    {
        if (AssetCount != assets)
        {
            throw Guard.Invalid($"constraints describe {AssetCount} assets, the problem has {assets}", "constraints");
        }

        if (!double.IsFinite(Budget))
        {
            throw Guard.Invalid("budget must be finite", "budget");
        }

        if (!(L2Gamma >= 0) || !double.IsFinite(L2Gamma))
        {
            throw Guard.Invalid("L2 gamma must be finite and ≥ 0", "l2_gamma");
        }

        for (var i = 0; i < assets; i++)
        {
            if (double.IsNaN(LowerBounds[i]) || double.IsNaN(UpperBounds[i]) || LowerBounds[i] > UpperBounds[i])
            {
                throw new OptimizationException(OptimizationErrorKind.Infeasible, $"bounds of asset {i} are empty: [{LowerBounds[i]}, {UpperBounds[i]}]", "bounds");
            }
        }

        var lo = LowerBounds.Sum();
        var hi = UpperBounds.Sum();
        if (lo > Budget + 1e-12 || hi < Budget - 1e-12)
        {
            throw new OptimizationException(OptimizationErrorKind.Infeasible, $"weight bounds cannot sum to the budget {Budget}: they allow totals in [{lo}, {hi}]", "bounds");
        }

        foreach (var g in Groups)
        {
            if (g.Members.Count == 0 || g.Members.Any(m => m < 0 || m >= assets))
            {
                throw Guard.Invalid($"group '{g.Name}' has no members or an unknown member", "groups");
            }

            if (double.IsNaN(g.Lower) || double.IsNaN(g.Upper) || g.Lower > g.Upper)
            {
                throw new OptimizationException(OptimizationErrorKind.Infeasible, $"group '{g.Name}' limits are empty: [{g.Lower}, {g.Upper}]", "groups");
            }
        }

        foreach (var c in Inequalities)
        {
            if (c.Coefficients.Count != assets || c.Coefficients.Any(v => !double.IsFinite(v)) || !double.IsFinite(c.Bound))
            {
                throw Guard.Invalid($"inequality '{c.Name}' needs {assets} finite coefficients and a finite bound", "inequalities");
            }
        }
    }
}
