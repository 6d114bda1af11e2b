using RiskGrpc.Kernel;

namespace RiskGrpc.Engine.Metrics;

/// <summary>The metrics of one series, computed by <see cref="IMetricsEngine.Compute"/>.</summary>
public sealed class MetricsResult
{
    /// <summary>Every returns-only scalar, over <see cref="Observations"/> rows.</summary>
    public required ReturnMetrics Metrics { get; init; }

    /// <summary>Benchmark-relative metrics over <see cref="RelativeObservations"/> rows; null without a benchmark.</summary>
    public required RelativeMetrics? Relative { get; init; }

    /// <summary>VaR/CVaR, one entry per effective confidence level, in request order.</summary>
    public required TailRiskMetrics[] TailRisk { get; init; }

    /// <summary>The deepest drawdown episodes, deepest first; empty unless requested.</summary>
    public required MetricsDrawdownEpisode[] Drawdowns { get; init; }

    /// <summary>Cumulative returns per used row; null unless requested.</summary>
    public double[]? Cumulative { get; init; }

    /// <summary>Underwater series per used row; null unless requested.</summary>
    public double[]? Underwater { get; init; }

    /// <summary>Rolling series, one per requested metric, in request order.</summary>
    public required MetricsRollingSeries[] Rolling { get; init; }

    /// <summary>Monthly compounded returns; null unless requested.</summary>
    public CalendarPeriodReturn[]? Monthly { get; init; }

    /// <summary>Yearly compounded returns; null unless requested.</summary>
    public CalendarPeriodReturn[]? Yearly { get; init; }

    /// <summary>Rows the returns-only metrics used (after the NaN policy).</summary>
    public required int Observations { get; init; }

    /// <summary>Rows the benchmark-relative metrics used (both sides present); 0 without a benchmark.</summary>
    public required int RelativeObservations { get; init; }
}
