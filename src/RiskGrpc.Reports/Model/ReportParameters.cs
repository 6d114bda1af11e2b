namespace RiskGrpc.Reports.Model;

/// <summary>The conventions the report was computed with (its header).</summary>
public sealed record ReportParameters(
    double RiskFreeRate,
    double PeriodsPerYear,
    string StrategyName,
    string? BenchmarkName,
    string Compounding,
    string NanPolicy,
    double Confidence);
