namespace RiskGrpc.Reports.Model;

/// <summary>The rows covered: first and last timestamp (null without dates) and the number of returns.</summary>
public sealed record ReportPeriod(DateTime? Start, DateTime? End, int Observations);
