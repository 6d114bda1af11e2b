namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// One return series and how to evaluate it: the front-end-neutral twin of <c>riskgrpc.v1.ComputeMetricsRequest</c>.
/// Memory-typed so callers can pass pooled buffers; the engine never keeps a reference after
/// <see cref="IMetricsEngine.Compute"/> returns.
/// </summary>
public sealed class MetricsRequest
{
    /// <summary>The default confidence level when <see cref="ConfidenceLevels"/> is empty.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>The periods per year used when <see cref="PeriodsPerYear"/> is 0.</summary>
    public const double DefaultPeriodsPerYear = 252;

    private static readonly double[] DefaultConfidenceLevels = [DefaultConfidence];

    /// <summary>Simple periodic returns, oldest first. Must not be empty.</summary>
    public ReadOnlyMemory<double> Returns { get; init; }

    /// <summary>Optional benchmark returns aligned row by row; empty means no benchmark, otherwise same length as returns.</summary>
    public ReadOnlyMemory<double> Benchmark { get; init; }

    /// <summary>Periods per year A; 0 means 252; otherwise finite and &gt; 0.</summary>
    public double PeriodsPerYear { get; init; }

    /// <summary>Annual risk-free rate rf; finite and &gt; −1.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Treatment of NaN values.</summary>
    public MetricsNanPolicy NanPolicy { get; init; }

    /// <summary>Confidence levels in (0, 1) for VaR/CVaR; empty means [0.95].</summary>
    public ReadOnlyMemory<double> ConfidenceLevels { get; init; }

    /// <summary>Optional UTC timestamps, one per row, non-decreasing; needed for monthly/yearly series.</summary>
    public ReadOnlyMemory<DateTime> Timestamps { get; init; }

    /// <summary>Rolling window in rows (≥ 2 when <see cref="RollingMetrics"/> is not empty).</summary>
    public int RollingWindow { get; init; }

    /// <summary>Metrics to roll over <see cref="RollingWindow"/>; empty means none.</summary>
    public ReadOnlyMemory<RollingMetricKind> RollingMetrics { get; init; }

    /// <summary>Number of deepest drawdown episodes to return; 0 returns none.</summary>
    public int DrawdownEpisodes { get; init; }

    /// <summary>Extra series to return.</summary>
    public MetricsSeriesKinds Series { get; init; }

    /// <summary>True when a benchmark was given.</summary>
    public bool HasBenchmark => !Benchmark.IsEmpty;

    /// <summary>A with the 0 → 252 default applied.</summary>
    public double EffectivePeriodsPerYear => PeriodsPerYear == 0 ? DefaultPeriodsPerYear : PeriodsPerYear;

    /// <summary>The confidence levels with the empty → [0.95] default applied.</summary>
    public ReadOnlyMemory<double> EffectiveConfidenceLevels => ConfidenceLevels.IsEmpty ? DefaultConfidenceLevels : ConfidenceLevels;
}
