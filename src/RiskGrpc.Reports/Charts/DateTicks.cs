using System.Globalization;

namespace RiskGrpc.Reports.Charts;

/// <summary>
/// Calendar-aligned ticks for a time axis: the smallest step of 1/2/3/6/12 hours, 1/2/7/14 days, 1/2/3/6 months or 1/2/5/10/20/50 years that
/// keeps at most <c>maxTicks</c> ticks inside [start, end]. Day ticks fall on midnights (every leap day included when the
/// step is one day), month ticks on the 1st of months whose index is a multiple of the step, year ticks on 1 January of
/// years divisible by the step, so ticks do not shift when the range moves.
/// </summary>
internal static class DateTicks
{
    private static readonly (int Hours, int Days, int Months, int Years)[] Steps =
    [
        (1, 0, 0, 0), (2, 0, 0, 0), (3, 0, 0, 0), (6, 0, 0, 0), (12, 0, 0, 0),
        (0, 1, 0, 0), (0, 2, 0, 0), (0, 7, 0, 0), (0, 14, 0, 0),
        (0, 0, 1, 0), (0, 0, 2, 0), (0, 0, 3, 0), (0, 0, 6, 0),
        (0, 0, 0, 1), (0, 0, 0, 2), (0, 0, 0, 5), (0, 0, 0, 10), (0, 0, 0, 20), (0, 0, 0, 50), (0, 0, 0, 100),
    ];

    /// <summary>Ticks inside [<paramref name="start"/>, <paramref name="end"/>], at most <paramref name="maxTicks"/> (≥ 2).</summary>
    public static DateTick[] Create(DateTime start, DateTime end, int maxTicks = 8)
    {
        if (end < start)
        {
            (start, end) = (end, start);
        }

        maxTicks = Math.Max(2, maxTicks);
        foreach (var step in Steps)
        {
            if (Estimate(start, end, step) > maxTicks)
            {
                continue;
            }

            var ticks = Generate(start, end, step);
            if (ticks.Count <= maxTicks)
            {
                return [.. ticks];
            }
        }

        return [];
    }

    private static double Estimate(DateTime start, DateTime end, (int Hours, int Days, int Months, int Years) step)
    {
        var days = (end - start).TotalDays;
        return step.Hours > 0 ? days * 24 / step.Hours : step.Days > 0 ? days / step.Days : step.Months > 0 ? days / (30.4 * step.Months) : days / (365.2 * step.Years);
    }

    private static List<DateTick> Generate(DateTime start, DateTime end, (int Hours, int Days, int Months, int Years) step)
    {
        var ticks = new List<DateTick>();
        if (step.Hours > 0)
        {
            var hour = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0, start.Kind);
            if (hour < start)
            {
                hour = hour.AddHours(1);
            }

            while (hour.Hour % step.Hours != 0)
            {
                hour = hour.AddHours(1);
            }

            for (; hour <= end; hour = hour.AddHours(step.Hours))
            {
                var label = hour.Hour == 0 || ticks.Count == 0 ? hour.ToString("d MMM HH:mm", CultureInfo.InvariantCulture) : hour.ToString("HH:mm", CultureInfo.InvariantCulture);
                ticks.Add(new DateTick(hour, label));
            }
        }
        else if (step.Days > 0)
        {
            // Align on whole days since 0001-01-01 (a Monday), so weekly ticks are Mondays.
            var day = start.Date == start ? start : start.Date.AddDays(1);
            var offset = (int)(day.Ticks / TimeSpan.TicksPerDay % step.Days);
            if (offset != 0)
            {
                day = day.AddDays(step.Days - offset);
            }

            var withYear = start.Year != end.Year;
            for (; day <= end; day = day.AddDays(step.Days))
            {
                ticks.Add(new DateTick(day, day.ToString(withYear ? "d MMM yyyy" : "d MMM", CultureInfo.InvariantCulture)));
            }
        }
        else if (step.Months > 0)
        {
            var month = new DateTime(start.Year, start.Month, 1, 0, 0, 0, start.Kind);
            if (month < start)
            {
                month = month.AddMonths(1);
            }

            while ((month.Month - 1) % step.Months != 0)
            {
                month = month.AddMonths(1);
            }

            for (; month <= end; month = month.AddMonths(step.Months))
            {
                var label = month.Month == 1 || ticks.Count == 0 ? month.ToString("MMM yyyy", CultureInfo.InvariantCulture) : month.ToString("MMM", CultureInfo.InvariantCulture);
                ticks.Add(new DateTick(month, label));
            }
        }
        else
        {
            var year = start.Month == 1 && start.Day == 1 && start.TimeOfDay == TimeSpan.Zero ? start.Year : start.Year + 1;
            year += (step.Years - (year % step.Years)) % step.Years;
            for (; year <= end.Year; year += step.Years)
            {
                ticks.Add(new DateTick(new DateTime(year, 1, 1, 0, 0, 0, start.Kind), year.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return ticks;
    }
}
