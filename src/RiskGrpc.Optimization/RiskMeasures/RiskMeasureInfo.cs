namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>Names and solver classes of the <see cref="RiskMeasure"/> values.</summary>
public static class RiskMeasureInfo
{
    private static readonly (RiskMeasure Measure, string Name)[] Names =
    [
        (RiskMeasure.Variance, "variance"),
        (RiskMeasure.Volatility, "volatility"),
        (RiskMeasure.Mad, "mad"),
        (RiskMeasure.SemiDeviation, "semi-deviation"),
        (RiskMeasure.FirstLowerPartialMoment, "flpm"),
        (RiskMeasure.SecondLowerPartialMoment, "slpm"),
        (RiskMeasure.ConditionalValueAtRisk, "cvar"),
        (RiskMeasure.ConditionalValueAtRiskRange, "cvar-range"),
        (RiskMeasure.WorstRealization, "worst-realization"),
        (RiskMeasure.Range, "range"),
        (RiskMeasure.MaxDrawdown, "max-drawdown"),
        (RiskMeasure.AverageDrawdown, "average-drawdown"),
        (RiskMeasure.ConditionalDrawdownAtRisk, "cdar"),
        (RiskMeasure.UlcerIndex, "ulcer-index"),
        (RiskMeasure.GiniMeanDifference, "gini"),
        (RiskMeasure.TailGini, "tail-gini"),
        (RiskMeasure.EntropicValueAtRisk, "evar"),
        (RiskMeasure.EntropicDrawdownAtRisk, "edar"),
    ];

    /// <summary>Every measure, in declaration order.</summary>
    public static IReadOnlyList<RiskMeasure> All { get; } = Names.Select(n => n.Measure).ToArray();

    /// <summary>The CLI / JSON name (e.g. <c>semi-deviation</c>).</summary>
    public static string Name(RiskMeasure measure) =>
        Array.Find(Names, n => n.Measure == measure).Name ?? throw Guard.Invalid($"unknown risk measure {measure}", "risk_measure");

    /// <summary>Parses a CLI / JSON name; throws INVALID_ARGUMENT naming <c>risk_measure</c> for an unknown one.</summary>
    public static RiskMeasure Parse(string name)
    {
        foreach (var (measure, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                return measure;
            }
        }

        throw Guard.Invalid($"unknown risk measure '{name}' ({string.Join(", ", Names.Select(n => n.Name))})", "risk_measure");
    }

    /// <summary>True when the measure's minimisation is a linear program in (w, scenario slacks).</summary>
    public static bool IsLinear(RiskMeasure measure) => measure is RiskMeasure.Mad or RiskMeasure.FirstLowerPartialMoment
        or RiskMeasure.ConditionalValueAtRisk or RiskMeasure.ConditionalValueAtRiskRange or RiskMeasure.WorstRealization
        or RiskMeasure.Range or RiskMeasure.MaxDrawdown or RiskMeasure.AverageDrawdown or RiskMeasure.ConditionalDrawdownAtRisk
        or RiskMeasure.GiniMeanDifference or RiskMeasure.TailGini;

    /// <summary>True when the measure is the square root of a quadratic in scenario slacks (semi-deviation, SLPM, ulcer index).</summary>
    public static bool IsRootQuadratic(RiskMeasure measure) =>
        measure is RiskMeasure.SemiDeviation or RiskMeasure.SecondLowerPartialMoment or RiskMeasure.UlcerIndex;

    /// <summary>True when the measure needs an exponential-cone solver to be optimised (none is in place).</summary>
    public static bool NeedsExponentialCone(RiskMeasure measure) =>
        measure is RiskMeasure.EntropicValueAtRisk or RiskMeasure.EntropicDrawdownAtRisk;

    /// <summary>True when the measure is positively homogeneous: ρ(c·w) = c·ρ(w) for c ≥ 0 (all but variance).</summary>
    public static bool IsPositivelyHomogeneous(RiskMeasure measure) => measure != RiskMeasure.Variance;
}
