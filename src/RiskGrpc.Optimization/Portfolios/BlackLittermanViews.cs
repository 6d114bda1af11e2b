namespace RiskGrpc.Optimization.Portfolios;

/// <summary>
/// Black-Litterman inputs: the market-implied prior from <see cref="MarketCaps"/> and <see cref="RiskAversion"/>, updated
/// with views P μ = Q. When present, the posterior μ and Σ replace the estimated ones before optimisation.
/// </summary>
public sealed class BlackLittermanViews
{
    /// <summary>Market capitalisation per asset (≥ 0).</summary>
    public required double[] MarketCaps { get; init; }

    /// <summary>Market risk aversion δ.</summary>
    public double RiskAversion { get; init; } = 1.0;

    /// <summary>τ, the scaling of the prior's uncertainty.</summary>
    public double Tau { get; init; } = 0.05;

    /// <summary>Pick matrix P (k×n): one 1 for an absolute view, +1/−1 for a relative view.</summary>
    public double[,] Pick { get; init; } = new double[0, 0];

    /// <summary>View returns Q (k).</summary>
    public double[] ViewReturns { get; init; } = [];

    /// <summary>Optional Ω diagonal (k); null = He-Litterman diag(τPΣPᵀ).</summary>
    public double[]? ViewVariances { get; init; }
}
