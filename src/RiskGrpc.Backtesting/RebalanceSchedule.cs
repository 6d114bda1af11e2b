using System.Globalization;

namespace RiskGrpc.Backtesting;

/// <summary>A rebalancing calendar: <c>monthly</c> (last row of each month), <c>weekly</c> (last row of each ISO week) or <c>every:N</c> rows.</summary>
public sealed record RebalanceSchedule(RebalanceFrequency Frequency, int Every = 1)
{
    /// <summary>Month-end rebalancing.</summary>
    public static RebalanceSchedule Monthly { get; } = new(RebalanceFrequency.Monthly);

    /// <summary>Parses <c>monthly</c>, <c>weekly</c> or <c>every:N</c> (N ≥ 1); throws <see cref="BacktestException"/> otherwise.</summary>
    public static RebalanceSchedule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "monthly")
        {
            return Monthly;
        }

        if (text == "weekly")
        {
            return new(RebalanceFrequency.Weekly);
        }

        if (text.StartsWith("every:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
        {
            return new(RebalanceFrequency.EveryN, n);
        }

        throw new BacktestException($"rebalance must be monthly, weekly or every:N with N >= 1; got '{text}'", "rebalance");
    }

    /// <summary>The rows at whose close the portfolio is rebalanced, from <paramref name="firstRow"/> on, in order.</summary>
    public IReadOnlyList<int> Rows(IReadOnlyList<DateOnly> dates, int firstRow)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var rows = new List<int>();
        for (var t = firstRow; t < dates.Count; t++)
        {
            var due = Frequency switch
            {
                RebalanceFrequency.EveryN => (t - firstRow) % Every == 0,
                RebalanceFrequency.Monthly => t + 1 == dates.Count || dates[t + 1].Month != dates[t].Month || dates[t + 1].Year != dates[t].Year,
                _ => t + 1 == dates.Count || WeekKey(dates[t + 1]) != WeekKey(dates[t]),
            };
            if (due)
            {
                rows.Add(t);
            }
        }

        return rows;
    }

    private static int WeekKey(DateOnly date) => (ISOWeek.GetYear(date.ToDateTime(TimeOnly.MinValue)) * 100) + ISOWeek.GetWeekOfYear(date.ToDateTime(TimeOnly.MinValue));

    /// <inheritdoc />
    public override string ToString() => Frequency switch
    {
        RebalanceFrequency.Monthly => "monthly",
        RebalanceFrequency.Weekly => "weekly",
        _ => string.Create(CultureInfo.InvariantCulture, $"every:{Every}"),
    };
}
