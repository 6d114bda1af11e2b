namespace RiskGrpc.Optimization.Supervised;

/// <summary>Settings of the supervised k*-NN allocator; the defaults are the reference configuration of the method notes.</summary>
public sealed record SupervisedKnnOptions
{
    /// <summary>Label horizon h in rows: the label of date s is the ex-post optimal portfolio over rows (s, s + h].</summary>
    public int Horizon { get; init; } = 21;

    /// <summary>Rows between two training dates (21 ≈ monthly samples of daily data).</summary>
    public int SampleStep { get; init; } = 21;

    /// <summary>Fewer labelled training dates than this → minimum variance on the trailing year, stated in the diagnostics.</summary>
    public int MinTrainingPoints { get; init; } = 24;

    /// <summary>Distance between feature vectors.</summary>
    public NeighbourDistance Distance { get; init; } = NeighbourDistance.Hassanat;

    /// <summary>k*-NN or fixed k.</summary>
    public NeighbourWeighting Weighting { get; init; } = NeighbourWeighting.KStar;

    /// <summary>k of <see cref="NeighbourWeighting.FixedInverseDistance"/>; 0 means ⌈√(training points)⌉.</summary>
    public int FixedK { get; init; }

    /// <summary>Candidate L/C ratios of k*-NN; the one with the least walk-forward validation error on the training span is used.</summary>
    public IReadOnlyList<double> LOverCGrid { get; init; } = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];

    /// <summary>Ridge γ of the label problem max Sharpe with wᵀ(S + γI)w in place of wᵀSw.</summary>
    public double Ridge { get; init; } = 0.01;

    /// <summary>Upper bound of every weight in the labels and the fallback (lower bound 0); convex combinations of labels keep it.</summary>
    public double MaxWeight { get; init; } = 1;

    /// <summary>Annual risk-free rate of the label's Sharpe ratio.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Periods per year used to annualise label moments and volatility features.</summary>
    public double PeriodsPerYear { get; init; } = 252;

    /// <summary>Checks every setting; throws <see cref="OptimizationException"/> naming the field.</summary>
    public void Validate()
    {
        if (Horizon < 2)
        {
            throw Guard.Invalid("the label horizon must be at least 2 rows", "horizon");
        }

        if (SampleStep < 1)
        {
            throw Guard.Invalid("the sample step must be at least 1 row", "sample_step");
        }

        if (MinTrainingPoints < 2)
        {
            throw Guard.Invalid("the minimum number of training points must be at least 2", "min_training_points");
        }

        if (FixedK < 0)
        {
            throw Guard.Invalid("k must not be negative", "k");
        }

        if (LOverCGrid.Count == 0 || LOverCGrid.Any(v => !(v > 0) || !double.IsFinite(v)))
        {
            throw Guard.Invalid("every L/C candidate must be positive and finite", "l_over_c");
        }

        if (!(Ridge >= 0) || !double.IsFinite(Ridge))
        {
            throw Guard.Invalid("the ridge term must be finite and non-negative", "ridge");
        }

        if (!(MaxWeight > 0) || MaxWeight > 1)
        {
            throw Guard.Invalid("the maximum weight must be in (0, 1]", "max_weight");
        }

        Guard.Finite(RiskFreeRate, "risk_free_rate");
        if (!(PeriodsPerYear > 0) || !double.IsFinite(PeriodsPerYear))
        {
            throw Guard.Invalid("periods per year must be positive and finite", "periods_per_year");
        }
    }
}
