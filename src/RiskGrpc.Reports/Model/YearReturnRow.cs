namespace RiskGrpc.Reports.Model;

/// <summary>One row of the EOY table: compounded return of the calendar year, benchmark's, and strategy / benchmark.</summary>
public sealed record YearReturnRow(int Year, double Strategy, double? Benchmark, double? Multiplier, bool? Won);
