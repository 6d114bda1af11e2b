namespace RiskGrpc.Reports.Charts;

/// <summary>Time ↔ chart x: days since 0001-01-01 as a double (exact for whole days, fine for intraday).</summary>
internal static class ChartTime
{
    /// <summary>Days since 0001-01-01.</summary>
    public static double ToDays(DateTime time) => time.Ticks / (double)TimeSpan.TicksPerDay;

    /// <summary>The UTC instant <paramref name="days"/> after 0001-01-01.</summary>
    public static DateTime FromDays(double days) =>
        new(Math.Clamp((long)Math.Round(days * TimeSpan.TicksPerDay), DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
}
