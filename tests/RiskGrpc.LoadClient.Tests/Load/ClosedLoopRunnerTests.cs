using Grpc.Core;
using RiskGrpc.LoadClient.Load;
using RiskGrpc.LoadClient.Measurement;
using RiskGrpc.TestUtils;

namespace RiskGrpc.LoadClient.Tests.Load;

public sealed class ClosedLoopRunnerTests
{
    [Fact]
    public async Task RunAsync_TotalBudget_RecordsExactlyTotalCalls()
    {
        // Arrange
        var recorder = new LatencyRecorder();
        var limits = new RunLimits(Concurrency: 8, Duration: TimeSpan.FromSeconds(20), Warmup: TimeSpan.Zero, Total: 500, Grace: TimeSpan.FromSeconds(5));

        // Act
        var (total, reason) = await ClosedLoopRunner.RunAsync(_ => async _ => await Task.Yield(), limits, recorder, CancellationToken.None)
            .DefaultTimeout();

        // Assert
        Assert.Equal("total", reason);
        Assert.Equal(500, recorder.Count);
        Assert.True(total < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task RunAsync_Duration_StopsNearTheDeadlineAndSkipsWarmupCalls()
    {
        // Arrange: each call takes ~5 ms, so 4 workers make ~80 calls in the 100 ms warm-up, none recorded.
        var recorder = new LatencyRecorder();
        var limits = new RunLimits(4, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(100), 0, TimeSpan.FromSeconds(5));
        var invoked = 0;

        // Act
        var (total, reason) = await ClosedLoopRunner.RunAsync(
                _ => async ct =>
                {
                    Interlocked.Increment(ref invoked);
                    await Task.Delay(5, ct);
                },
                limits, recorder, CancellationToken.None)
            .DefaultTimeout();

        // Assert
        Assert.Equal("duration", reason);
        Assert.InRange(total, TimeSpan.FromMilliseconds(290), TimeSpan.FromSeconds(5));
        Assert.True(recorder.Count > 0);
        Assert.True(recorder.Count < invoked, $"recorded {recorder.Count} of {invoked}: warm-up calls must not be recorded");
    }

    [Fact]
    public async Task RunAsync_FailingCalls_AreRecordedWithTheirStatus()
    {
        // Arrange
        var recorder = new LatencyRecorder();
        var limits = new RunLimits(2, TimeSpan.FromSeconds(20), TimeSpan.Zero, 100, TimeSpan.FromSeconds(5));
        var n = 0;

        // Act: every other call fails with INVALID_ARGUMENT.
        await ClosedLoopRunner.RunAsync(
                _ => _ => Interlocked.Increment(ref n) % 2 == 0
                    ? Task.FromException(new RpcException(new Status(StatusCode.InvalidArgument, "bad series")))
                    : Task.CompletedTask,
                limits, recorder, CancellationToken.None)
            .DefaultTimeout();

        // Assert
        var summary = recorder.ToSummary(TimeSpan.FromSeconds(1));
        Assert.Equal(100, summary.Count);
        Assert.Equal(50, summary.OkCount);
        Assert.Equal(50, summary.StatusCodeDistribution["InvalidArgument"]);
        Assert.Equal(50, summary.ErrorDistribution["InvalidArgument: bad series"]);
    }

    [Fact]
    public async Task RunAsync_HungCall_IsCancelledAfterGraceAndCounted()
    {
        // Arrange: one call never completes by itself.
        var recorder = new LatencyRecorder();
        var limits = new RunLimits(1, TimeSpan.FromMilliseconds(100), TimeSpan.Zero, 0, TimeSpan.FromMilliseconds(200));

        // Act
        await ClosedLoopRunner.RunAsync(_ => ct => Task.Delay(Timeout.Infinite, ct), limits, recorder, CancellationToken.None)
            .DefaultTimeout();

        // Assert
        var summary = recorder.ToSummary(TimeSpan.FromSeconds(1));
        Assert.Equal(1, summary.StatusCodeDistribution["Canceled"]);
        Assert.Equal(0, summary.OkCount);
    }
}
