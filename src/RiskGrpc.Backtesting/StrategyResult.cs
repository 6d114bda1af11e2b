namespace RiskGrpc.Backtesting;

/// <summary>A strategy's walk-forward result: net returns after costs, the rebalances, turnover and the metric catalogue.</summary>
public sealed record StrategyResult
{
    /// <summary>Strategy name.</summary>
    public required string Name { get; init; }

    /// <summary>Dates of <see cref="Returns"/> (the rows after the first rebalance).</summary>
    public required IReadOnlyList<string> Dates { get; init; }

    /// <summary>Net simple returns: (1 + Σ wᵢrᵢ)(1 − cost) − 1, the cost charged on the period that follows a rebalance.</summary>
    public required double[] Returns { get; init; }

    /// <summary>Every rebalance in date order.</summary>
    public required IReadOnlyList<RebalanceRecord> Rebalances { get; init; }

    /// <summary>Total turnover Σ over rebalances of Σ|Δw| (the first rebalance from cash counts Σ|w|).</summary>
    public required double Turnover { get; init; }

    /// <summary>Turnover per year: <see cref="Turnover"/> × periods per year / number of return periods.</summary>
    public required double AnnualTurnover { get; init; }

    /// <summary>Sum of the costs charged, as fractions of wealth.</summary>
    public required double Costs { get; init; }

    /// <summary>The kernel's full returns-only metric catalogue on <see cref="Returns"/>, by catalogue name.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Why the strategy failed (then the other members are empty); null on success.</summary>
    public string? Error { get; init; }
}
