namespace RiskGrpc.Reports.Model;

/// <summary>Compounded return of one calendar month (the heatmap and monthly table).</summary>
public sealed record MonthReturnCell(int Year, int Month, double Value);
