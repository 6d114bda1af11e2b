using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Server.Hosting;

namespace RiskGrpc.Server.Metrics;

/// <summary>
/// StreamMetrics as a pipeline (the shape of grpc-dotnet's Channeler example): the read loop starts up to
/// <see cref="RiskGrpcServerOptions.StreamMaxConcurrency"/> computations at once; each enqueues its answer into a
/// bounded <see cref="Channel{T}"/>; ONE writer loop drains it, so <c>WriteAsync</c> never overlaps. Answers go out as
/// soon as they are ready (possibly out of order; the request_id tells them apart). A failed writer stops the reader;
/// the call's cancellation stops everything; the method returns only after every computation it started has ended.
/// </summary>
internal sealed class MetricsStreamPipeline(
    MetricsComputer computer,
    IOptions<RiskGrpcServerOptions> options,
    TimeProvider timeProvider,
    ILogger<MetricsStreamPipeline> logger)
{
    private readonly int _maxConcurrency = options.Value.EffectiveStreamMaxConcurrency;
    private readonly int _queueCapacity = options.Value.StreamQueueCapacity;

    public async Task RunAsync(
        IAsyncStreamReader<StreamMetricsRequest> requests,
        IServerStreamWriter<StreamMetricsResponse> responses,
        CancellationToken callCancelled)
    {
        var channel = Channel.CreateBounded<StreamMetricsResponse>(new BoundedChannelOptions(_queueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });

        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(callCancelled);
        var writer = WriteLoopAsync(channel, responses, stopReading, callCancelled);
        using var slots = new SemaphoreSlim(_maxConcurrency, _maxConcurrency);
        long count = 0;
        try
        {
            await foreach (var request in requests.ReadAllAsync(stopReading.Token))
            {
                await slots.WaitAsync(stopReading.Token);
                count++;
                _ = ComputeAndEnqueueAsync(request, channel.Writer, slots, callCancelled);
            }
        }
        catch (OperationCanceledException) when (stopReading.IsCancellationRequested && !callCancelled.IsCancellationRequested)
        {
            // Only a failing writer cancels stopReading on its own (it does so before its task completes, so its
            // completion is no test here); its exception is rethrown by the await below.
        }
        finally
        {
            // Every computation holds a slot until its answer is enqueued or abandoned: taking all slots waits for them.
            for (var i = 0; i < _maxConcurrency; i++)
            {
                await slots.WaitAsync(CancellationToken.None);
            }

            channel.Writer.TryComplete();
        }

        await writer;
        MetricsServiceLog.StreamCompleted(logger, count);
    }

    private static async Task WriteLoopAsync(
        Channel<StreamMetricsResponse> channel,
        IServerStreamWriter<StreamMetricsResponse> responses,
        CancellationTokenSource stopReading,
        CancellationToken callCancelled)
    {
        try
        {
            await foreach (var response in channel.Reader.ReadAllAsync(callCancelled))
            {
                await responses.WriteAsync(response, callCancelled);
            }
        }
        catch (Exception ex)
        {
            // Unblock producers waiting on a full channel and stop reading new requests.
            channel.Writer.TryComplete(ex);
            await stopReading.CancelAsync();
            throw;
        }
    }

    private async Task ComputeAndEnqueueAsync(
        StreamMetricsRequest request,
        ChannelWriter<StreamMetricsResponse> channel,
        SemaphoreSlim slots,
        CancellationToken callCancelled)
    {
        try
        {
            // Off the reader's thread, so reading the next request overlaps with this computation.
            var response = await Task.Run(() => Answer(request), callCancelled);
            await channel.WriteAsync(response, callCancelled);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            MetricsServiceLog.StreamWriteAbandoned(logger, request.RequestId);
        }
        finally
        {
            slots.Release();
        }
    }

    private StreamMetricsResponse Answer(StreamMetricsRequest request)
    {
        var error = computer.TryCompute(request.Request, "StreamMetrics", request.RequestId, "request.", out var response);
        var answer = new StreamMetricsResponse
        {
            RequestId = request.RequestId,
            CompletedAt = Timestamp.FromDateTimeOffset(timeProvider.GetUtcNow()),
        };

        if (error is null)
        {
            answer.Response = response;
        }
        else
        {
            answer.Error = error;
        }

        return answer;
    }
}
