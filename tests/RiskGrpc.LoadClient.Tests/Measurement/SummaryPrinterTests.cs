using System.Text.Json;
using Grpc.Core;
using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Tests.Measurement;

public sealed class SummaryPrinterTests
{
    private static LoadSummary Sample(IReadOnlyDictionary<string, long>? counters = null)
    {
        var recorder = new LatencyRecorder();
        for (var i = 1; i <= 100; i++)
        {
            recorder.Record(StatusCode.OK, i * 10_000);
        }

        recorder.Record(StatusCode.ResourceExhausted, 50_000, "too long");
        return recorder.ToSummary(TimeSpan.FromSeconds(1), firstCallNanoseconds: 42_000_000, endReason: "duration", counters: counters) with
        {
            Date = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        };
    }

    [Fact]
    public void ToJson_Summary_UsesGhzFieldNamesAndNanoseconds()
    {
        // Act
        using var doc = JsonDocument.Parse(SummaryPrinter.ToJson(Sample()));
        var root = doc.RootElement;

        // Assert: the names ghz's Report marshals, durations as Go time.Duration (ns).
        Assert.Equal(101, root.GetProperty("count").GetInt64());
        Assert.Equal(1_000_000_000, root.GetProperty("total").GetInt64());
        Assert.True(root.GetProperty("average").GetInt64() > 0);
        Assert.Equal(10_000, root.GetProperty("fastest").GetInt64());
        Assert.Equal(1_000_000, root.GetProperty("slowest").GetInt64());
        Assert.Equal(101.0, root.GetProperty("rps").GetDouble());
        Assert.Equal(42_000_000, root.GetProperty("firstCall").GetInt64());
        Assert.Equal("duration", root.GetProperty("endReason").GetString());
        Assert.Equal("2026-01-02T03:04:05Z", root.GetProperty("date").GetString());
        Assert.Equal(100, root.GetProperty("statusCodeDistribution").GetProperty("OK").GetInt64());
        Assert.Equal(1, root.GetProperty("statusCodeDistribution").GetProperty("ResourceExhausted").GetInt64());
        Assert.Equal(1, root.GetProperty("errorDistribution").GetProperty("ResourceExhausted: too long").GetInt64());
        var rows = root.GetProperty("latencyDistribution").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(50, rows[2].GetProperty("percentage").GetDouble());
        Assert.InRange(rows[2].GetProperty("latency").GetInt64(), 500_000, 500_500);
        Assert.Equal(99.9, rows[7].GetProperty("percentage").GetDouble());
    }

    [Fact]
    public void ToJson_WithCounters_WritesThemAsTopLevelNumbers()
    {
        var counters = new Dictionary<string, long> { ["lost"] = 0, ["duplicated"] = 3 };

        using var doc = JsonDocument.Parse(SummaryPrinter.ToJson(Sample(counters)));

        Assert.Equal(0, doc.RootElement.GetProperty("lost").GetInt64());
        Assert.Equal(3, doc.RootElement.GetProperty("duplicated").GetInt64());
    }

    [Fact]
    public void ToJson_Summary_HistogramAsGhzWithMarksInSeconds()
    {
        using var doc = JsonDocument.Parse(SummaryPrinter.ToJson(Sample()));

        var buckets = doc.RootElement.GetProperty("histogram").EnumerateArray().ToList();

        Assert.Equal(LatencyRecorder.HistogramBuckets + 1, buckets.Count);
        Assert.Equal(0.00001, buckets[0].GetProperty("mark").GetDouble(), 12);
        Assert.Equal(0.001, buckets[^1].GetProperty("mark").GetDouble(), 12);
        Assert.Equal(100, buckets.Sum(b => b.GetProperty("count").GetInt64()));
        Assert.Equal(1.0, buckets.Sum(b => b.GetProperty("frequency").GetDouble()), 12);
    }

    [Fact]
    public void WriteText_Summary_PrintsGhzSections()
    {
        using var writer = new StringWriter();

        SummaryPrinter.WriteText(Sample(new Dictionary<string, long> { ["lost"] = 0 }), writer);

        var text = writer.ToString();
        foreach (var expected in new[]
                 {
                     "Summary:", "Count:        101", "Total:        1.00 s", "Slowest:      1.000 ms", "Fastest:      0.010 ms",
                     "Requests/sec: 101.00", "First call:   42.00 ms", "Lost:", "Latency distribution:", "99.9 % in ",
                     "Status code distribution:", "[OK]   100 responses", "[ResourceExhausted]   1 responses", "Error distribution:",
                     "Response time histogram:", "  0.010 [1]\t|", "  1.000 [10]\t|∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎∎",
                 })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(123_456, "0.123 ms")]
    [InlineData(12_345_678, "12.35 ms")]
    [InlineData(2_500_000_000, "2.50 s")]
    public void FormatDuration_Nanoseconds_FormatsLikeGhz(long nanoseconds, string expected)
    {
        Assert.Equal(expected, SummaryPrinter.FormatDuration(nanoseconds));
    }
}
