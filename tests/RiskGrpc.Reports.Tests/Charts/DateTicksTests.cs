using CsCheck;
using RiskGrpc.Reports.Charts;

namespace RiskGrpc.Reports.Tests.Charts;

public sealed class DateTicksTests
{
    private static DateTime D(int y, int m, int d, int h = 0) => new(y, m, d, h, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_DaysAcrossLeapDay_DailyTicksIncludeFebruary29()
    {
        var ticks = DateTicks.Create(D(2020, 2, 26), D(2020, 3, 2));

        Assert.Equal([D(2020, 2, 26), D(2020, 2, 27), D(2020, 2, 28), D(2020, 2, 29), D(2020, 3, 1), D(2020, 3, 2)], ticks.Select(t => t.Time));
        Assert.Equal("29 Feb", ticks[3].Label);
    }

    [Fact]
    public void Create_DaysAcrossNonLeapFebruary_NoFebruary29()
    {
        var ticks = DateTicks.Create(D(2021, 2, 26), D(2021, 3, 2));

        Assert.Equal([D(2021, 2, 26), D(2021, 2, 27), D(2021, 2, 28), D(2021, 3, 1), D(2021, 3, 2)], ticks.Select(t => t.Time));
    }

    [Fact]
    public void Create_MonthsFromJanuary31OfLeapYear_FirstOfEachMonth()
    {
        var ticks = DateTicks.Create(D(2024, 1, 31), D(2024, 6, 30));

        Assert.Equal([D(2024, 2, 1), D(2024, 3, 1), D(2024, 4, 1), D(2024, 5, 1), D(2024, 6, 1)], ticks.Select(t => t.Time));
    }

    [Fact]
    public void Create_TenYears_YearTicksOnJanuaryFirstDivisibleByStep()
    {
        var ticks = DateTicks.Create(D(2008, 4, 9), D(2018, 4, 11), 9);

        Assert.Equal([2010, 2012, 2014, 2016, 2018], ticks.Select(t => t.Time.Year));
        Assert.All(ticks, t => Assert.Equal((1, 1), (t.Time.Month, t.Time.Day)));
        Assert.Equal("2010", ticks[0].Label);
    }

    [Fact]
    public void Create_SixHoursIntraday_HourTicks()
    {
        var ticks = DateTicks.Create(D(2024, 2, 29, 9).AddMinutes(30), D(2024, 2, 29, 16));

        Assert.Equal([10, 11, 12, 13, 14, 15, 16], ticks.Select(t => t.Time.Hour));
    }

    [Fact]
    public void Create_RandomSpans_TicksInsideIncreasingAndAtMostMax()
    {
        Gen.Select(Gen.Long[D(1950, 1, 1).Ticks, D(2050, 1, 1).Ticks], Gen.Long[TimeSpan.TicksPerHour * 3, TimeSpan.TicksPerDay * 365 * 60], Gen.Int[3, 12])
            .Sample((start, span, max) =>
            {
                var from = new DateTime(start, DateTimeKind.Utc);
                var to = from.AddTicks(span);
                var ticks = DateTicks.Create(from, to, max);
                Assert.InRange(ticks.Length, 1, max);
                Assert.All(ticks, t => Assert.InRange(t.Time, from, to));
                for (var i = 1; i < ticks.Length; i++)
                {
                    Assert.True(ticks[i].Time > ticks[i - 1].Time);
                }
            }, iter: 3000);
    }
}
