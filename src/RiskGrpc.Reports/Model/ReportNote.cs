namespace RiskGrpc.Reports.Model;

/// <summary>A visible note on a section that was reduced or left out (short series, no dates, no benchmark).</summary>
public sealed record ReportNote(string Section, string Message);
