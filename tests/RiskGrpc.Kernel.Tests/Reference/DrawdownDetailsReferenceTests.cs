using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Reference;

/// <summary>
/// QuantStats' drawdown_details table (count, longest_days, avg_days, avg_drawdown) rebuilt from
/// <see cref="DrawdownAnalyzer.Episodes"/> and the case's timestamps.
/// </summary>
/// <remarks>
/// QuantStats 0.0.81 marks a drawdown from its first underwater row ("start", our peak index + 1) to its last underwater
/// row ("end": the row before recovery, or the last row when not recovered), and reports days = (end − start).days + 1
/// in calendar days. Its "max drawdown" column is the episode's minimum dd (×100; the reference stores it /100).
/// </remarks>
public sealed class DrawdownDetailsReferenceTests
{
    public static TheoryData<string> CasesWithDrawdownDetails() => MetricReferenceCase.NamesWith("quantstats.drawdown_details.count");

    [Theory]
    [MemberData(nameof(CasesWithDrawdownDetails))]
    public void Episodes_ReferenceCase_ReproduceQuantStatsDrawdownDetails(string caseName)
    {
        var c = MetricReferenceCase.Get(caseName);
        var time = c.Timestamps();
        var episodes = new DrawdownEpisode[c.Returns.Length];

        var count = DrawdownAnalyzer.Episodes(c.Returns, episodes);

        var days = episodes[..count].Select(e =>
        {
            var start = e.PeakIndex + 1;
            var end = e.RecoveryIndex >= 0 ? e.RecoveryIndex - 1 : c.Returns.Length - 1;
            return (time[end] - time[start]).Days + 1;
        }).ToArray();
        Assert.Equal(c.Scalars["quantstats.drawdown_details.count"], count);
        Assert.Equal(c.Scalars["quantstats.drawdown_details.longest_days"], days.Max());
        Tolerance.Close(c.Scalars["quantstats.drawdown_details.avg_days"], days.Average(), label: "avg_days");
        Tolerance.Close(c.Scalars["quantstats.drawdown_details.avg_drawdown"], episodes[..count].Average(e => e.Depth), label: "avg_drawdown");
    }

    [Theory]
    [MemberData(nameof(CasesWithDrawdownDetails))]
    public void Compute_ReferenceCase_EpisodeStatisticsMatchQuantStatsCountAndDepth(string caseName)
    {
        var c = MetricReferenceCase.Get(caseName);
        var r = c.Returns;

        MetricKernel.Compute(r, new MetricParameters(c.PeriodsPerYear, c.RiskFree), [], new double[MetricKernel.ScratchLength(r.Length)], out var m, []);

        Assert.Equal(c.Scalars["quantstats.drawdown_details.count"], m.DrawdownCount);
        Tolerance.Close(c.Scalars["quantstats.drawdown_details.avg_drawdown"], m.AvgDrawdown, label: "avg_drawdown");
    }
}
