namespace RiskGrpc.Kernel;

/// <summary>
/// Monthly and yearly compounded returns Π(1 + r) − 1 from returns and their timestamps: the heatmap and end-of-year
/// tables of a tearsheet. Rows are grouped by the UTC calendar month (year) of their timestamp; a period appears only
/// when it holds at least one row, so gaps are skipped, not written as zeros.
/// </summary>
/// <remarks>
/// Timestamps must be non-decreasing and of kind <see cref="DateTimeKind.Utc"/> or <see cref="DateTimeKind.Unspecified"/>
/// (read as UTC); <see cref="DateTimeKind.Local"/> is rejected rather than converted with the machine's time zone.
/// Returns must be finite (the caller applies the NaN policy). Allocation-free; the destination is sized with
/// <see cref="MonthCount"/> / <see cref="YearCount"/> and checked before anything is written.
/// </remarks>
public static class CalendarReturns
{
    /// <summary>Number of distinct calendar months in non-decreasing <paramref name="timestamps"/> (0 when empty).</summary>
    /// <exception cref="ArgumentException">Timestamps decrease or are of kind Local.</exception>
    public static int MonthCount(ReadOnlySpan<DateTime> timestamps) => CountPeriods(timestamps, monthly: true);

    /// <summary>Number of distinct calendar years in non-decreasing <paramref name="timestamps"/> (0 when empty).</summary>
    /// <exception cref="ArgumentException">Timestamps decrease or are of kind Local.</exception>
    public static int YearCount(ReadOnlySpan<DateTime> timestamps) => CountPeriods(timestamps, monthly: false);

    /// <summary>
    /// Writes one entry per calendar month present, oldest first, with Value = Π(1 + r) − 1 over the month's rows, and
    /// returns how many were written (<see cref="MonthCount"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, timestamps decrease or are Local, or the destination is shorter than the month count.</exception>
    public static int Monthly(ReadOnlySpan<double> returns, ReadOnlySpan<DateTime> timestamps, Span<CalendarPeriodReturn> destination) =>
        Compound(returns, timestamps, destination, monthly: true);

    /// <summary>
    /// Writes one entry per calendar year present (Month = 0), oldest first, with Value = Π(1 + r) − 1 over the year's
    /// rows, and returns how many were written (<see cref="YearCount"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, timestamps decrease or are Local, or the destination is shorter than the year count.</exception>
    public static int Yearly(ReadOnlySpan<double> returns, ReadOnlySpan<DateTime> timestamps, Span<CalendarPeriodReturn> destination) =>
        Compound(returns, timestamps, destination, monthly: false);

    private static int Compound(ReadOnlySpan<double> returns, ReadOnlySpan<DateTime> timestamps, Span<CalendarPeriodReturn> destination, bool monthly)
    {
        if (returns.Length != timestamps.Length)
        {
            SeriesArgumentErrors.LengthMismatch(nameof(timestamps), returns.Length, timestamps.Length);
        }

        // Counting first validates the timestamps and lets a short destination fail before any write.
        var count = CountPeriods(timestamps, monthly);
        if (destination.Length < count)
        {
            SeriesArgumentErrors.TooShort(nameof(destination), count, destination.Length);
        }

        var written = 0;
        var i = 0;
        while (i < returns.Length)
        {
            var key = PeriodKey(timestamps[i], monthly);
            var wealth = 1.0;
            for (; i < returns.Length && PeriodKey(timestamps[i], monthly) == key; i++)
            {
                wealth *= 1 + returns[i];
            }

            destination[written++] = monthly
                ? new CalendarPeriodReturn(key / 12, (key % 12) + 1, wealth - 1)
                : new CalendarPeriodReturn(key, 0, wealth - 1);
        }

        return written;
    }

    private static int CountPeriods(ReadOnlySpan<DateTime> timestamps, bool monthly)
    {
        var count = 0;
        var previousKey = -1;
        for (var i = 0; i < timestamps.Length; i++)
        {
            var t = timestamps[i];
            if (t.Kind == DateTimeKind.Local)
            {
                throw new ArgumentException($"Timestamp {i} is local time; pass UTC.", nameof(timestamps));
            }

            if (i > 0 && t < timestamps[i - 1])
            {
                throw new ArgumentException($"Timestamps must be non-decreasing; index {i} is earlier than index {i - 1}.", nameof(timestamps));
            }

            var key = PeriodKey(t, monthly);
            if (key != previousKey)
            {
                count++;
                previousKey = key;
            }
        }

        return count;
    }

    /// <summary>year·12 + (month − 1) for months, the year for years: consecutive periods have consecutive keys.</summary>
    private static int PeriodKey(DateTime t, bool monthly) => monthly ? (t.Year * 12) + t.Month - 1 : t.Year;
}
