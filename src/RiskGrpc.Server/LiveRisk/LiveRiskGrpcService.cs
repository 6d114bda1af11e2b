using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Live;

namespace RiskGrpc.Server.LiveRisk;

/// <summary>
/// <c>riskgrpc.v1.LiveRiskService</c>. Each call owns one engine session: the reader submits events (waiting on
/// the session's in-flight credits, so a fast client is slowed by HTTP/2 flow control rather than by queues
/// growing), and ONE writer loop drains the session's bounded outbox to the response stream. When the host
/// stops, a Connect stream is told to drain (a <c>Draining</c> message behind everything queued) and read until
/// its client half-closes or <see cref="LiveRiskOptions.DrainTimeout"/> passes; Watch streams stop at once. Every
/// received event is applied and answered, then the call ends with UNAVAILABLE.
/// </summary>
internal sealed class LiveRiskGrpcService(
    LiveRiskEngine engine,
    LiveRiskOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    Protection.LivePortfolioQuota quota,
    ILogger<LiveRiskGrpcService> logger) : LiveRiskService.LiveRiskServiceBase
{
    /// <summary>The maximum number of portfolios one Watch call may name.</summary>
    public const int MaxWatchedPortfolios = 1000;

    private static readonly WriteOptions BufferedWrite = new(WriteFlags.BufferHint);

    private const string ShutdownMessage =
        "LiveRiskService is shutting down: every event received on this stream was applied and answered; reconnect, attach and resume from last_applied_sequence + 1";

    public override async Task Connect(IAsyncStreamReader<ConnectRequest> requestStream, IServerStreamWriter<ConnectResponse> responseStream, ServerCallContext context)
    {
        var session = engine.OpenSession();
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var writer = WriteAsync(session, responseStream, reading, ToConnectResponse, context.CancellationToken);
        using var draining = lifetime.ApplicationStopping.Register(() =>
        {
            // Ending the call while the client still sends would make Kestrel reset its request side and close the
            // connection right after the trailers, which some clients (SocketsHttpHandler) turn into a transport
            // error that hides the status. Asking the client to half-close first lets the call end cleanly.
            session.AnnounceDraining();
            reading.CancelAfter(options.DrainTimeout);
        });
        var client = Protection.LivePortfolioQuota.ClientOf(context.GetHttpContext());
        string? overQuota = null;
        try
        {
            while (await requestStream.MoveNext(reading.Token))
            {
                var evt = LiveRiskProtoMapper.ToEvent(requestStream.Current, time.GetTimestamp());
                if (evt.PortfolioId is { Length: > 0 } id && !quota.TryClaim(client, id))
                {
                    overQuota = id;
                    break;
                }

                await session.SubmitAsync(evt, reading.Token);
            }
        }
        catch (OperationCanceledException) when (reading.IsCancellationRequested)
        {
            // Client gone, host stopping or the writer failed: stop reading; what was received is still applied.
        }
        catch (IOException)
        {
            // The client reset the stream mid-message. Kestrel's reader may throw before it cancels the call's token
            // (as ErrorMappingInterceptor notes), so no filter on the token: what was received is still applied.
        }
        finally
        {
            await session.CompleteAsync();
        }

        await FinishAsync("Connect", session, writer, context);
        if (overQuota is not null)
        {
            throw new RpcException(new Status(
                StatusCode.ResourceExhausted,
                $"this client already writes {quota.MaxPortfolios} live portfolios (RiskGrpc:RateLimits:Live:MaxPortfolios); portfolio '{overQuota}' was refused; every earlier event was applied and answered"));
        }
    }

    public override async Task Watch(WatchRequest request, IServerStreamWriter<WatchResponse> responseStream, ServerCallContext context)
    {
        ValidateWatch(request);
        var session = engine.OpenSession();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var writer = WriteAsync(session, responseStream, watching, ToWatchResponse, context.CancellationToken);
        try
        {
            foreach (var portfolioId in request.PortfolioIds.Distinct(StringComparer.Ordinal))
            {
                await session.WatchAsync(portfolioId, watching.Token);
            }

            await Task.Delay(Timeout.InfiniteTimeSpan, time, watching.Token);
        }
        catch (OperationCanceledException) when (watching.IsCancellationRequested)
        {
            // Client gone, host stopping or the writer failed.
        }
        finally
        {
            await session.CompleteAsync();
        }

        await FinishAsync("Watch", session, writer, context);
    }

    private static void ValidateWatch(WatchRequest request)
    {
        if (request.PortfolioIds.Count is 0 or > MaxWatchedPortfolios)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"portfolio_ids must name 1 to {MaxWatchedPortfolios} portfolios, got {request.PortfolioIds.Count}"));
        }

        for (var i = 0; i < request.PortfolioIds.Count; i++)
        {
            if (!LiveRiskEngine.IsValidPortfolioId(request.PortfolioIds[i]))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"portfolio_ids[{i}] must be 1 to 128 characters"));
            }
        }
    }

    private ConnectResponse ToConnectResponse(in LiveOutboxItem item, LiveRiskSnapshot scratch) => item.Kind switch
    {
        LiveOutboxItemKind.Draining => new ConnectResponse { Draining = new Draining { GracePeriod = Duration.FromTimeSpan(options.DrainTimeout) } },
        LiveOutboxItemKind.Update => new ConnectResponse { Update = LiveRiskProtoMapper.ToUpdate(TakeLatest(item, scratch)) },
        LiveOutboxItemKind.Error => new ConnectResponse { Error = LiveRiskProtoMapper.ToError(item.Error) },
        LiveOutboxItemKind.Acknowledgement => new ConnectResponse { Acknowledgement = LiveRiskProtoMapper.ToAcknowledgement(item.Acknowledgement) },
        _ => throw new InvalidOperationException($"Unknown outbox item {item.Kind}."),
    };

    private static WatchResponse ToWatchResponse(in LiveOutboxItem item, LiveRiskSnapshot scratch) => item.Kind switch
    {
        LiveOutboxItemKind.Update => new WatchResponse { Update = LiveRiskProtoMapper.ToUpdate(TakeLatest(item, scratch)) },
        _ => throw new InvalidOperationException($"A watch session received a {item.Kind} item."),
    };

    // Each update item stands for exactly one pending slot (the engine queues an item only when a slot turns pending).
    private static LiveRiskSnapshot TakeLatest(in LiveOutboxItem item, LiveRiskSnapshot scratch) =>
        item.Subscription!.TakeLatest(scratch) ? scratch : throw new InvalidOperationException("An update item had no pending update.");

    /// <summary>The stream's single writer loop; on failure it stops the reader so the call can end.</summary>
    private static async Task WriteAsync<TResponse>(
        LiveSession session,
        IServerStreamWriter<TResponse> stream,
        CancellationTokenSource stopReading,
        OutboxMapper<TResponse> map,
        CancellationToken callToken)
        where TResponse : class
    {
        var scratch = new LiveRiskSnapshot();
        try
        {
            await foreach (var item in session.Outbox.ReadAllAsync(callToken))
            {
                // While more responses are already queued, buffer instead of flushing each one: under load many
                // messages share one HTTP/2 flush. The last queued response is written unbuffered, which flushes.
                stream.WriteOptions = session.Outbox.TryPeek(out _) ? BufferedWrite : null;
                await stream.WriteAsync(map(item, scratch), callToken);
            }
        }
        catch
        {
            await stopReading.CancelAsync();
            throw;
        }
    }

    private async Task FinishAsync(string rpc, LiveSession session, Task writer, ServerCallContext context)
    {
        try
        {
            await writer;
        }
        catch (LiveSessionOverflowException ex)
        {
            LiveRiskLog.StreamEnded(logger, rpc, session.Id, "outbox overflow");
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"RESOURCE_EXHAUSTED: {ex.Message} Read responses as fast as they arrive."));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            LiveRiskLog.StreamEnded(logger, rpc, session.Id, "client cancelled");
            return;
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            LiveRiskLog.StreamEnded(logger, rpc, session.Id, "server shutting down");
            throw new RpcException(new Status(StatusCode.Unavailable, ShutdownMessage));
        }

        LiveRiskLog.StreamEnded(logger, rpc, session.Id, "completed");
    }

    private delegate TResponse OutboxMapper<TResponse>(in LiveOutboxItem item, LiveRiskSnapshot scratch)
        where TResponse : class;
}
