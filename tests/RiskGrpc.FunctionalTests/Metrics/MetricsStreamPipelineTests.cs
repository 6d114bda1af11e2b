using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.FunctionalTests.Infrastructure;
using RiskGrpc.Server.Hosting;
using RiskGrpc.Server.Metrics;

namespace RiskGrpc.FunctionalTests.Metrics;

/// <summary>The StreamMetrics pipeline on fake streams: ordering of writes, back-pressure, failure and cancellation.</summary>
public sealed class MetricsStreamPipelineTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_ManyRequestsSlowWriter_NoOverlappingWritesEveryIdOnce()
    {
        var requests = Enumerable.Range(0, 200).Select(i => new StreamMetricsRequest { RequestId = "r" + i, Request = TestSeries.Request(i, 100) }).ToList();
        var writer = new SerialStreamWriter<StreamMetricsResponse>();

        await Pipeline(concurrency: 4, capacity: 2).RunAsync(new ListStreamReader<StreamMetricsRequest>(requests), writer, CancellationToken.None).DefaultTimeout();

        Assert.Equal(0, writer.Overlaps);
        Assert.Equal(requests.Select(r => r.RequestId).Order(), writer.Written.Select(w => w.RequestId).Order());
        Assert.All(writer.Written, w => Assert.Equal(Timestamp(Now), w.CompletedAt));
    }

    [Fact]
    public async Task RunAsync_WriterFails_RunEndsWithThatFailureWithoutHanging()
    {
        var requests = Enumerable.Range(0, 500).Select(i => new StreamMetricsRequest { RequestId = "r" + i, Request = TestSeries.Request(i, 50) }).ToList();
        var writer = new SerialStreamWriter<StreamMetricsResponse>(failAfter: 10);

        var ex = await Assert.ThrowsAsync<IOException>(() => Pipeline(concurrency: 2, capacity: 4).RunAsync(new ListStreamReader<StreamMetricsRequest>(requests), writer, CancellationToken.None)).DefaultTimeout();

        Assert.Equal("client went away", ex.Message);
        Assert.Equal(10, writer.Written.Count);
    }

    [Fact]
    public async Task RunAsync_CallCancelled_StopsWithCancellation()
    {
        var requests = Enumerable.Range(0, 1000).Select(i => new StreamMetricsRequest { RequestId = "r" + i, Request = TestSeries.Request(i, 500) }).ToList();
        var writer = new SerialStreamWriter<StreamMetricsResponse>();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Pipeline(concurrency: 2, capacity: 2).RunAsync(new ListStreamReader<StreamMetricsRequest>(requests), writer, cts.Token)).DefaultTimeout();

        Assert.True(writer.Written.Count < requests.Count);
        Assert.Equal(0, writer.Overlaps);
    }

    private static MetricsStreamPipeline Pipeline(int concurrency, int capacity)
    {
        var computer = new MetricsComputer(MetricsEngine.Create(), NullLogger<MetricsComputer>.Instance, TestInstruments.Create());
        var options = Options.Create(new RiskGrpcServerOptions { StreamMaxConcurrency = concurrency, StreamQueueCapacity = capacity });
        return new MetricsStreamPipeline(computer, options, new FixedTimeProvider(Now), NullLogger<MetricsStreamPipeline>.Instance);
    }

    private static Google.Protobuf.WellKnownTypes.Timestamp Timestamp(DateTimeOffset time) => Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time);

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
