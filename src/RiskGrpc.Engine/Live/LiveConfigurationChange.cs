namespace RiskGrpc.Engine.Live;

/// <summary>
/// A configuration event. Zero, empty or null members keep the portfolio's current value. The engine
/// validates it (window 2..max, at most 4 confidence levels each in (0, 1), A &gt; 0, rf &gt; −1, capital &gt; 0,
/// interval ≥ 0) and rejects the whole event with INVALID_ARGUMENT if any member is out of range.
/// </summary>
public sealed class LiveConfigurationChange
{
    /// <summary>Window length in observations; 0 keeps.</summary>
    public int WindowLength { get; init; }

    /// <summary>Confidence levels; empty keeps.</summary>
    public IReadOnlyList<double> ConfidenceLevels { get; init; } = [];

    /// <summary>Metric groups; <see cref="LiveMetricSelection.None"/> keeps.</summary>
    public LiveMetricSelection Metrics { get; init; }

    /// <summary>Minimum time between updates; null keeps.</summary>
    public TimeSpan? MinUpdateInterval { get; init; }

    /// <summary>Periods per year; 0 keeps.</summary>
    public double PeriodsPerYear { get; init; }

    /// <summary>Annual risk-free rate; null keeps.</summary>
    public double? RiskFreeRate { get; init; }

    /// <summary>Capital for position-defined returns; null keeps.</summary>
    public double? Capital { get; init; }
}
