namespace RiskGrpc.Reports.Model;

/// <summary>
/// Everything a report shows besides the per-row chart series: the JSON report is this object serialised with
/// <see cref="ReportJson"/>, and the HTML embeds the same JSON, so the two cannot disagree. Scalar dictionaries are
/// keyed by the catalogue names of docs/metrics.md and hold the metrics engine's own values.
/// </summary>
public sealed class ReportModel
{
    /// <summary>Report title.</summary>
    public required string Title { get; init; }

    /// <summary>"RiskGrpc.Reports x.y.z".</summary>
    public required string Generator { get; init; }

    /// <summary>Conventions.</summary>
    public required ReportParameters Parameters { get; init; }

    /// <summary>Rows covered.</summary>
    public required ReportPeriod Period { get; init; }

    /// <summary>Every returns-only catalogue scalar of the strategy.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    /// <summary>Every returns-only catalogue scalar of the benchmark (the benchmark evaluated as a return series); null without one.</summary>
    public IReadOnlyDictionary<string, double>? BenchmarkMetrics { get; init; }

    /// <summary>Benchmark-relative catalogue scalars; null without a benchmark.</summary>
    public IReadOnlyDictionary<string, double>? Relative { get; init; }

    /// <summary>VaR/CVaR at the report's confidence level.</summary>
    public required IReadOnlyList<TailRiskRow> TailRisk { get; init; }

    /// <summary>Key performance metrics in QuantStats' order and groups.</summary>
    public required IReadOnlyList<MetricsTableGroup> MetricsTable { get; init; }

    /// <summary>End-of-year returns; empty without dates.</summary>
    public required IReadOnlyList<YearReturnRow> Eoy { get; init; }

    /// <summary>Monthly returns of the strategy; empty without dates.</summary>
    public required IReadOnlyList<MonthReturnCell> Monthly { get; init; }

    /// <summary>The 10 deepest drawdowns, deepest first.</summary>
    public required IReadOnlyList<DrawdownRow> WorstDrawdowns { get; init; }

    /// <summary>Return quantiles by horizon (strategy).</summary>
    public required IReadOnlyList<ReturnQuantileRow> ReturnQuantiles { get; init; }

    /// <summary>Bootstrap summary; null when the series is too short.</summary>
    public MonteCarloSummary? MonteCarlo { get; init; }

    /// <summary>Named historical windows that overlap the data.</summary>
    public required IReadOnlyList<StressRow> Stress { get; init; }

    /// <summary>The live-risk view of a LiveRiskService portfolio, when asked for and found.</summary>
    public LiveRiskView? LiveRisk { get; init; }

    /// <summary>Sections reduced or left out, and why.</summary>
    public required IReadOnlyList<ReportNote> Notes { get; init; }
}
