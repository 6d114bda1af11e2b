using Grpc.Core;
using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Tests.Measurement;

public sealed class LatencyRecorderTests
{
    private const long Microsecond = 1_000;

    /// <summary>1 000 OK calls taking 1, 2, …, 1000 µs: every percentile is known exactly.</summary>
    private static LatencyRecorder UniformOneToThousandMicroseconds()
    {
        var recorder = new LatencyRecorder();
        for (var i = 1; i <= 1000; i++)
        {
            recorder.Record(StatusCode.OK, i * Microsecond);
        }

        return recorder;
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(25, 250)]
    [InlineData(50, 500)]
    [InlineData(75, 750)]
    [InlineData(90, 900)]
    [InlineData(95, 950)]
    [InlineData(99, 990)]
    [InlineData(99.9, 999)]
    public void ToSummary_UniformLatencies_PercentilesWithinHdrPrecision(double percentage, long expectedMicroseconds)
    {
        // Arrange
        var recorder = UniformOneToThousandMicroseconds();

        // Act
        var summary = recorder.ToSummary(TimeSpan.FromSeconds(1));

        // Assert: 3 significant digits means within 0.1 % (HdrHistogram reports the bucket's highest equivalent value).
        var actual = summary.Percentile(percentage);
        Assert.NotNull(actual);
        var expected = expectedMicroseconds * Microsecond;
        Assert.InRange(actual.Value, expected, expected + (expected / 1000) + 1);
    }

    [Fact]
    public void ToSummary_UniformLatencies_HistogramHasGhzMarksAndEvenBuckets()
    {
        var summary = UniformOneToThousandMicroseconds().ToSummary(TimeSpan.FromSeconds(1));

        var h = summary.Histogram;

        // ghz: marks at fastest + i·(slowest − fastest)/10 and the slowest; a latency counts in the first mark ≥ it.
        Assert.Equal(LatencyRecorder.HistogramBuckets + 1, h.Count);
        Assert.Equal(1 * Microsecond, h[0].MarkNanoseconds);
        Assert.Equal(1000 * Microsecond, h[^1].MarkNanoseconds);
        Assert.Equal(100_900, h[1].MarkNanoseconds);
        Assert.True(h.Zip(h.Skip(1)).All(pair => pair.First.MarkNanoseconds < pair.Second.MarkNanoseconds));
        Assert.Equal(1, h[0].Count);
        Assert.Equal(1000, h.Sum(b => b.Count));
        Assert.Equal(1.0, h.Sum(b => b.Frequency), 12);

        // Each bar holds about 100 calls; HdrHistogram's 3 significant digits may move a value beside a mark by one bar.
        Assert.All(h.Skip(1), b => Assert.InRange(b.Count, 98, 102));
    }

    [Fact]
    public void ToSummary_NoOkCall_EmptyHistogram()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(StatusCode.Unavailable, 5 * Microsecond, "down");

        Assert.Empty(recorder.ToSummary(TimeSpan.FromSeconds(1)).Histogram);
    }

    [Fact]
    public void ToSummary_UniformLatencies_CountFastestSlowestAverageRpsAreExact()
    {
        var recorder = UniformOneToThousandMicroseconds();

        var summary = recorder.ToSummary(TimeSpan.FromSeconds(2), firstCallNanoseconds: 123, endReason: "duration");

        Assert.Equal(1000, summary.Count);
        Assert.Equal(1000, summary.OkCount);
        Assert.Equal(1 * Microsecond, summary.FastestNanoseconds);
        Assert.Equal(1000 * Microsecond, summary.SlowestNanoseconds);
        Assert.Equal(500_500, summary.AverageNanoseconds);
        Assert.Equal(2_000_000_000, summary.TotalNanoseconds);
        Assert.Equal(500.0, summary.Rps, 9);
        Assert.Equal(123, summary.FirstCallNanoseconds);
        Assert.Equal("duration", summary.EndReason);
        Assert.Equal([10, 25, 50, 75, 90, 95, 99, 99.9], summary.LatencyDistribution.Select(r => r.Percentage));
    }

    [Fact]
    public void ToSummary_WithErrors_ErrorsAreCountedButNeverAsSuccesses()
    {
        // Arrange: 1 000 OK calls plus 10 slow failures.
        var recorder = UniformOneToThousandMicroseconds();
        for (var i = 0; i < 10; i++)
        {
            recorder.Record(StatusCode.Unavailable, 5_000 * Microsecond, "connection refused");
        }

        recorder.Record(StatusCode.Cancelled, 1, "stopped");

        // Act
        var summary = recorder.ToSummary(TimeSpan.FromSeconds(2));

        // Assert: as ghz, count/rps/average cover every call; fastest/slowest/percentiles only OK calls.
        Assert.Equal(1011, summary.Count);
        Assert.Equal(1000, summary.OkCount);
        Assert.Equal(505.5, summary.Rps, 9);
        Assert.Equal(500.0, summary.OkRps, 9);
        Assert.Equal((500_500_000 + 50_000_000 + 1) / 1011, summary.AverageNanoseconds);
        Assert.Equal(1 * Microsecond, summary.FastestNanoseconds);
        Assert.Equal(1000 * Microsecond, summary.SlowestNanoseconds);
        Assert.True(summary.Percentile(99.9) <= 1000 * Microsecond);
        Assert.Equal(1000, summary.StatusCodeDistribution["OK"]);
        Assert.Equal(10, summary.StatusCodeDistribution["Unavailable"]);
        Assert.Equal(1, summary.StatusCodeDistribution["Canceled"]);
        Assert.Equal(10, summary.ErrorDistribution["Unavailable: connection refused"]);
    }

    [Fact]
    public void ToSummary_OnlyErrors_HasNoLatencyDistribution()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(StatusCode.Internal, 10 * Microsecond, "boom");

        var summary = recorder.ToSummary(TimeSpan.FromSeconds(1));

        Assert.Equal(1, summary.Count);
        Assert.Equal(0, summary.OkCount);
        Assert.Empty(summary.LatencyDistribution);
        Assert.Equal(0, summary.FastestNanoseconds);
        Assert.Equal(0, summary.SlowestNanoseconds);
        Assert.Null(summary.Percentile(99));
    }

    [Fact]
    public async Task Record_ConcurrentWriters_LosesNothing()
    {
        // Arrange
        var recorder = new LatencyRecorder();

        // Act: 8 writers × 10 000 values.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(() =>
        {
            for (var i = 1; i <= 10_000; i++)
            {
                recorder.Record(StatusCode.OK, (w * 10_000) + i);
            }
        })));

        // Assert
        var summary = recorder.ToSummary(TimeSpan.FromSeconds(1));
        Assert.Equal(80_000, summary.Count);
        Assert.Equal(1, summary.FastestNanoseconds);
        Assert.Equal(80_000, summary.SlowestNanoseconds);
        Assert.Equal(40_000, summary.AverageNanoseconds);
    }

    [Fact]
    public void TicksToNanoseconds_OneSecondOfTicks_IsOneBillion()
    {
        Assert.InRange(LatencyRecorder.TicksToNanoseconds(System.Diagnostics.Stopwatch.Frequency), 999_999_000, 1_000_001_000);
    }
}
