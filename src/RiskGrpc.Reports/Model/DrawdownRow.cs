namespace RiskGrpc.Reports.Model;

/// <summary>
/// One of the worst drawdowns, deepest first: peak (start), valley and recovery dates (null when not recovered or
/// without dates), depth (≤ 0), length in periods and, with dates, calendar days from start to recovery (or last row).
/// Rows are the caller's row numbers.
/// </summary>
public sealed record DrawdownRow(int StartRow, int ValleyRow, int RecoveryRow, DateTime? Start, DateTime? Valley, DateTime? Recovery, double Depth, int Periods, int? Days);
