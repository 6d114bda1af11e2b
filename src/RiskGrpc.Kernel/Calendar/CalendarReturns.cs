namespace RiskGrpc.Kernel;

/// <summary>Monthly and yearly compounded returns from returns and their (non-decreasing, UTC) timestamps.</summary>
public static class CalendarReturns
{
    /// <summary>Writes one entry per calendar month present, oldest first, and returns how many were written.</summary>
    public static int Monthly(ReadOnlySpan<double> returns, ReadOnlySpan<DateTime> timestamps, Span<CalendarPeriodReturn> destination) => throw new NotImplementedException();

    /// <summary>Writes one entry per calendar year present (Month = 0), oldest first, and returns how many were written.</summary>
    public static int Yearly(ReadOnlySpan<double> returns, ReadOnlySpan<DateTime> timestamps, Span<CalendarPeriodReturn> destination) => throw new NotImplementedException();
}
