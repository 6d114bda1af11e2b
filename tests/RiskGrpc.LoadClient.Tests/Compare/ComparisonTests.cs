using RiskGrpc.LoadClient.Compare;
using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Tests.Compare;

public sealed class ComparisonTests
{
    private static LoadSummary Summary(double okRps, long p99, long count = 100, long ok = 100) => new()
    {
        Count = count,
        OkCount = ok,
        Rps = okRps * count / ok,
        OkRps = okRps,
        LatencyDistribution = [new LatencyPercentile(50, p99 / 2), new LatencyPercentile(99, p99)],
    };

    [Fact]
    public void Ratios_BothRunsClean_AreCandidateOverBaseline()
    {
        var comparison = new Comparison(Summary(10_000, 2_000_000), Summary(8_500, 2_200_000));

        Assert.Equal(0.85, comparison.RpsRatio, 12);
        Assert.Equal(1.1, comparison.P99Ratio, 12);
        Assert.True(comparison.RpsTargetMet);
        Assert.True(comparison.P99TargetMet);
    }

    [Fact]
    public void Targets_Missed_AreReportedAsNotMet()
    {
        var comparison = new Comparison(Summary(10_000, 1_000_000), Summary(7_000, 1_500_000));

        Assert.False(comparison.RpsTargetMet);
        Assert.False(comparison.P99TargetMet);
    }

    [Fact]
    public void Targets_CandidateHadErrors_NeverMet()
    {
        var comparison = new Comparison(Summary(10_000, 1_000_000), Summary(9_500, 1_000_000, count: 100, ok: 99));

        Assert.False(comparison.ErrorFree);
        Assert.False(comparison.RpsTargetMet);
        Assert.False(comparison.P99TargetMet);
    }

    [Fact]
    public void ToJson_Comparison_HoldsBothSummariesAndRatios()
    {
        var comparison = new Comparison(Summary(10_000, 2_000_000), Summary(8_000, 3_000_000));

        using var doc = System.Text.Json.JsonDocument.Parse(CompareCommand.ToJson(comparison, "metrics"));

        Assert.Equal(100, doc.RootElement.GetProperty("health").GetProperty("count").GetInt64());
        Assert.Equal(100, doc.RootElement.GetProperty("metrics").GetProperty("count").GetInt64());
        Assert.Equal(0.8, doc.RootElement.GetProperty("ratios").GetProperty("rps").GetDouble(), 12);
        Assert.Equal(1.5, doc.RootElement.GetProperty("ratios").GetProperty("p99").GetDouble(), 12);
        Assert.False(doc.RootElement.GetProperty("ratios").GetProperty("p99TargetMet").GetBoolean());
    }
}
