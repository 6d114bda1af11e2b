namespace RiskGrpc.Kernel.Tests.Reference;

public sealed class MetricReferenceCaseTests
{
    [Fact]
    public void Load_SharedReferenceFile_HasDailyMonthlyAndLiteralCases()
    {
        var names = MetricReferenceCase.Cases.Select(c => c.Name).ToArray();

        Assert.Contains("rng7-daily-2520", names);
        Assert.Contains("monthly-120", names);
        var daily = MetricReferenceCase.Get("rng7-daily-2520");
        Assert.Equal(2520, daily.Returns.Length);
        Assert.Equal(2520, daily.Benchmark!.Length);
        Assert.Equal(new DateTime(2015, 1, 2, 0, 0, 0, DateTimeKind.Utc), daily.Timestamps()[0]);
        Assert.Equal(DayOfWeek.Monday, daily.Timestamps()[1].DayOfWeek);
        Assert.True(double.IsNaN(MetricReferenceCase.Get("empyrical-test:mixed_returns").Returns[0]));
    }
}
