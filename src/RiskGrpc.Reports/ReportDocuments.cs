using RiskGrpc.Reports.Model;

namespace RiskGrpc.Reports;

/// <summary>The rendered report: its model, UTF-8 HTML and UTF-8 JSON (null when not requested).</summary>
public sealed record ReportDocuments(ReportModel Model, byte[]? Html, byte[]? Json);
