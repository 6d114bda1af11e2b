namespace RiskGrpc.Kernel;

/// <summary>Compounded return Π(1 + r) − 1 over one calendar month (Month 1..12) or year (Month 0), in UTC.</summary>
public readonly record struct CalendarPeriodReturn(int Year, int Month, double Value);
