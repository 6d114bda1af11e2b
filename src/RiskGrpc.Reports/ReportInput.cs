using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Reports;

/// <summary>
/// What a report is made of: the strategy's simple returns, an optional aligned benchmark, optional UTC dates (needed
/// for calendar sections) and the metric conventions of <c>ComputeMetricsRequest</c>.
/// </summary>
public sealed class ReportInput
{
    /// <summary>Report title.</summary>
    public string Title { get; init; } = "Strategy tearsheet";

    /// <summary>Name of the strategy column.</summary>
    public string StrategyName { get; init; } = "Strategy";

    /// <summary>Name of the benchmark column.</summary>
    public string BenchmarkName { get; init; } = "Benchmark";

    /// <summary>Simple periodic returns, oldest first.</summary>
    public required double[] Returns { get; init; }

    /// <summary>Benchmark returns aligned with <see cref="Returns"/>; null for none.</summary>
    public double[]? Benchmark { get; init; }

    /// <summary>UTC timestamps, one per row, non-decreasing; null for none.</summary>
    public DateTime[]? Dates { get; init; }

    /// <summary>Periods per year A (0 = 252).</summary>
    public double PeriodsPerYear { get; init; }

    /// <summary>Annual risk-free rate.</summary>
    public double RiskFreeRate { get; init; }

    /// <summary>Missing-value treatment, as in the metrics API.</summary>
    public MetricsNanPolicy NanPolicy { get; init; } = MetricsNanPolicy.Reject;

    /// <summary>VaR/CVaR confidence level.</summary>
    public double Confidence { get; init; } = MetricsRequest.DefaultConfidence;

    /// <summary>Bootstrap paths of the Monte Carlo section.</summary>
    public int MonteCarloPaths { get; init; } = 500;

    /// <summary>Seed of the bootstrap (reports are reproducible).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Live-risk state to show beside the report (from <c>LiveRiskService</c>); null for none.</summary>
    public Model.LiveRiskView? LiveRisk { get; init; }

    /// <summary>The portfolio whose live state was asked for but not found (the report says so); null when none was asked.</summary>
    public string? MissingLivePortfolio { get; init; }

    /// <summary>A copy with the live-risk view (or the portfolio that had none) set.</summary>
    public ReportInput WithLiveRisk(Model.LiveRiskView? view, string? missingPortfolio) => new()
    {
        Title = Title,
        StrategyName = StrategyName,
        BenchmarkName = BenchmarkName,
        Returns = Returns,
        Benchmark = Benchmark,
        Dates = Dates,
        PeriodsPerYear = PeriodsPerYear,
        RiskFreeRate = RiskFreeRate,
        NanPolicy = NanPolicy,
        Confidence = Confidence,
        MonteCarloPaths = MonteCarloPaths,
        Seed = Seed,
        LiveRisk = view,
        MissingLivePortfolio = missingPortfolio,
    };

    /// <summary>The metrics request the API would receive for the strategy with these settings.</summary>
    public MetricsRequest ToMetricsRequest() => new()
    {
        Returns = Returns,
        Benchmark = Benchmark,
        Timestamps = Dates,
        PeriodsPerYear = PeriodsPerYear,
        RiskFreeRate = RiskFreeRate,
        NanPolicy = NanPolicy,
        ConfidenceLevels = new[] { Confidence },
    };
}
