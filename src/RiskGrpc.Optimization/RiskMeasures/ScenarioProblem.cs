using RiskGrpc.Optimization.MeanVariance;

namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>
/// A scenario-risk optimisation: the T × n scenario returns, the measure and objective, and per-period μ, r_f, targets and
/// caps (the same units as the scenarios: a daily matrix takes daily μ and a daily risk cap).
/// </summary>
public sealed record ScenarioProblem
{
    /// <summary>Scenario returns, T × n, finite.</summary>
    public required double[,] Returns { get; init; }

    /// <summary>The risk measure ρ.</summary>
    public required RiskMeasure Measure { get; init; }

    /// <summary>The objective.</summary>
    public required RiskObjective Objective { get; init; }

    /// <summary>Tail significance α of CVaR, CVaR range, tail Gini, CDaR (and EVaR/EDaR in reports).</summary>
    public double Alpha { get; init; } = ScenarioRisk.DefaultAlpha;

    /// <summary>Per-period expected returns (required by every objective except min-risk).</summary>
    public double[]? ExpectedReturns { get; init; }

    /// <summary>Per-period risk-free rate of the ratio objective.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>λ ≥ 0 of the utility objective.</summary>
    public double RiskAversion { get; init; } = 1;

    /// <summary>Per-period return floor of efficient-return.</summary>
    public double? TargetReturn { get; init; }

    /// <summary>Risk cap of efficient-risk, in the measure's units.</summary>
    public double? RiskCap { get; init; }

    /// <summary>Constraints; null = long only, fully invested.</summary>
    public PortfolioConstraints? Constraints { get; init; }

    /// <summary>Wall-time limit per solver call.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);
}
