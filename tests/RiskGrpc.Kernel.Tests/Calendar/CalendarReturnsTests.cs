using RiskGrpc.Kernel.Tests.Reference;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Calendar;

public sealed class CalendarReturnsTests
{
    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Monthly_RowsAcrossMonthAndYearBoundaries_CompoundsEachMonth()
    {
        // Arrange: two rows in Dec 2019, one on 31 Jan 2020, two around the leap day, one on 1 Mar 2020, then Jan 2021.
        DateTime[] t = [Utc(2019, 12, 30), Utc(2019, 12, 31), Utc(2020, 1, 31), Utc(2020, 2, 28), Utc(2020, 2, 29), Utc(2020, 3, 1), Utc(2021, 1, 4)];
        double[] r = [0.10, -0.05, 0.02, 0.01, 0.03, -0.02, 0.04];
        var d = new CalendarPeriodReturn[CalendarReturns.MonthCount(t)];

        // Act
        var written = CalendarReturns.Monthly(r, t, d);

        // Assert
        Assert.Equal(5, written);
        Assert.Equal(
            [(2019, 12), (2020, 1), (2020, 2), (2020, 3), (2021, 1)],
            d.Select(p => (p.Year, p.Month)));
        Tolerance.Close((1.10 * 0.95) - 1, d[0].Value, 1e-15, label: "Dec 2019");
        Tolerance.Close(0.02, d[1].Value, 1e-15, label: "Jan 2020");
        Tolerance.Close((1.01 * 1.03) - 1, d[2].Value, 1e-15, label: "Feb 2020 incl. the leap day");
        Tolerance.Close(-0.02, d[3].Value, 1e-15, label: "Mar 2020");
        Tolerance.Close(0.04, d[4].Value, 1e-15, label: "Jan 2021 after a gap year-month");
    }

    [Fact]
    public void Yearly_RowsAcrossYearBoundary_CompoundsEachYearWithMonthZero()
    {
        DateTime[] t = [Utc(2019, 12, 31), Utc(2020, 1, 1), Utc(2020, 12, 31), Utc(2021, 1, 1)];
        double[] r = [0.10, 0.20, -0.10, 0.05];
        var d = new CalendarPeriodReturn[3];

        var written = CalendarReturns.Yearly(r, t, d);

        Assert.Equal(3, written);
        Assert.Equal([(2019, 0), (2020, 0), (2021, 0)], d.Select(p => (p.Year, p.Month)));
        Tolerance.Close(0.10, d[0].Value, 1e-15);
        Tolerance.Close((1.2 * 0.9) - 1, d[1].Value, 1e-15);
        Tolerance.Close(0.05, d[2].Value, 1e-15);
    }

    [Fact]
    public void Monthly_TimesOfDayInUtc_GroupByUtcDate()
    {
        // 23:59:59.9999999 on 31 Jan and 00:00 on 1 Feb are different months.
        DateTime[] t = [Utc(2024, 1, 31).AddTicks(TimeSpan.TicksPerDay - 1), Utc(2024, 2, 1), Utc(2024, 2, 29).AddHours(23)];
        double[] r = [0.01, 0.02, 0.03];
        var d = new CalendarPeriodReturn[2];

        Assert.Equal(2, CalendarReturns.Monthly(r, t, d));
        Assert.Equal((2024, 1), (d[0].Year, d[0].Month));
        Tolerance.Close((1.02 * 1.03) - 1, d[1].Value, 1e-15);
    }

    [Fact]
    public void MonthlyAndYearly_ReferenceDailyCase_ProductOfMonthsEqualsYear()
    {
        // Arrange: 2520 business days from 2015-01-02 (10 years, incl. the leap years 2016, 2020 and 2024).
        var c = MetricReferenceCase.Get("rng7-daily-2520");
        var t = c.Timestamps();
        var months = new CalendarPeriodReturn[CalendarReturns.MonthCount(t)];
        var years = new CalendarPeriodReturn[CalendarReturns.YearCount(t)];

        // Act
        var monthCount = CalendarReturns.Monthly(c.Returns, t, months);
        var yearCount = CalendarReturns.Yearly(c.Returns, t, years);

        // Assert
        Assert.Equal(t[^1].Year - t[0].Year + 1, yearCount);
        Assert.Equal(((t[^1].Year - t[0].Year) * 12) + t[^1].Month - t[0].Month + 1, monthCount);
        foreach (var year in years)
        {
            var compounded = months.Where(m => m.Year == year.Year).Aggregate(1.0, (w, m) => w * (1 + m.Value)) - 1;
            Tolerance.Close(year.Value, compounded, 1e-12, label: $"{year.Year}");
        }

        var total = years.Aggregate(1.0, (w, y) => w * (1 + y.Value)) - 1;
        Tolerance.Close(c.Returns.Aggregate(1.0, (w, r) => w * (1 + r)) - 1, total, 1e-12, label: "whole series");
    }

    [Fact]
    public void Monthly_EmptyInput_WritesNothing()
    {
        Assert.Equal(0, CalendarReturns.Monthly([], [], []));
        Assert.Equal(0, CalendarReturns.Yearly([], [], []));
    }

    [Fact]
    public void Monthly_EqualTimestamps_AreAllowed()
    {
        DateTime[] t = [Utc(2020, 5, 1), Utc(2020, 5, 1)];
        var d = new CalendarPeriodReturn[1];

        Assert.Equal(1, CalendarReturns.Monthly([0.5, 0.5], t, d));
        Assert.Equal(1.25, d[0].Value);
    }

    public static TheoryData<string> InvalidCalls() => new(Invalid.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(InvalidCalls))]
    public void Calendar_InvalidArguments_Throws(string scenario) => Assert.Throws<ArgumentException>(Invalid[scenario]);

    [Fact]
    public void Monthly_DestinationTooShort_ThrowsBeforeWriting()
    {
        DateTime[] t = [Utc(2020, 1, 1), Utc(2020, 2, 1), Utc(2020, 3, 1)];
        var d = new CalendarPeriodReturn[2];

        Assert.Throws<ArgumentException>(() => CalendarReturns.Monthly([0.1, 0.2, 0.3], t, d));
        Assert.All(d, p => Assert.Equal(default, p));
    }

    private static readonly Dictionary<string, Action> Invalid = new()
    {
        ["monthly decreasing timestamps"] = () => CalendarReturns.Monthly([0.1, 0.2], [Utc(2020, 2, 1), Utc(2020, 1, 31)], new CalendarPeriodReturn[2]),
        ["yearly decreasing within a year"] = () => CalendarReturns.Yearly([0.1, 0.2], [Utc(2020, 6, 2), Utc(2020, 6, 1)], new CalendarPeriodReturn[2]),
        ["monthly length mismatch"] = () => CalendarReturns.Monthly([0.1], [Utc(2020, 1, 1), Utc(2020, 1, 2)], new CalendarPeriodReturn[2]),
        ["yearly destination too short"] = () => CalendarReturns.Yearly([0.1, 0.2], [Utc(2020, 1, 1), Utc(2021, 1, 1)], new CalendarPeriodReturn[1]),
        ["monthly local time"] = () => CalendarReturns.Monthly([0.1], [new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Local)], new CalendarPeriodReturn[1]),
        ["month count decreasing"] = () => CalendarReturns.MonthCount([Utc(2021, 1, 1), Utc(2020, 1, 1)]),
    };
}
