using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.Server.Observability;

/// <summary>
/// Outermost interceptor: records <c>riskgrpc.rpc.duration</c> by service, method and final gRPC status, and tags the
/// request's <see cref="Activity"/> (created by ASP.NET Core from the incoming W3C <c>traceparent</c>) with the RPC
/// name, the batch size and the outcome. Never touches payloads.
/// </summary>
internal sealed class TelemetryInterceptor(ServerInstruments instruments, TimeProvider time) : Interceptor
{
    private static readonly object[] BoxedStatus = [.. Enum.GetValues<StatusCode>().Select(c => (object)(int)c)];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Service, string Method)> _names = new(StringComparer.Ordinal);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        Tag(context, request);
        Task<TResponse> task;
        try
        {
            task = continuation(request, context);
        }
        catch (Exception ex)
        {
            var failed = StatusOf(ex, context);
            Record(context, start, failed);
            CountSolve(request, failed);
            throw;
        }

        if (task.IsCompletedSuccessfully)
        {
            // The common synchronous path: no state machine, no allocation.
            Record(context, start, StatusCode.OK);
            CountSolve(request, StatusCode.OK);
            return task;
        }

        return AwaitUnary(task, request, context, start);
    }

    private async Task<TResponse> AwaitUnary<TRequest, TResponse>(Task<TResponse> task, TRequest request, ServerCallContext context, long start)
    {
        var status = StatusCode.OK;
        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            status = StatusOf(ex, context);
            throw;
        }
        finally
        {
            Record(context, start, status);
            CountSolve(request, status);
        }
    }

    /// <summary>Counts optimizer solves by method and outcome (the gRPC status name).</summary>
    private void CountSolve<TRequest>(TRequest request, StatusCode status)
    {
        if (request is OptimizeRequest optimize)
        {
            instruments.OptimizerSolves.Add(
                1,
                new KeyValuePair<string, object?>("method", optimize.Method.ToString()),
                new KeyValuePair<string, object?>("outcome", status.ToString()));
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        Tag(context, null);
        var status = StatusCode.OK;
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            status = StatusOf(ex, context);
            throw;
        }
        finally
        {
            Record(context, start, status);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        Tag(context, request);
        var status = StatusCode.OK;
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            status = StatusOf(ex, context);
            throw;
        }
        finally
        {
            Record(context, start, status);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var start = Stopwatch.GetTimestamp();
        Tag(context, null);
        var status = StatusCode.OK;
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            status = StatusOf(ex, context);
            throw;
        }
        finally
        {
            Record(context, start, status);
        }
    }

    private StatusCode StatusOf(Exception ex, ServerCallContext context) => ex switch
    {
        RpcException rpc => rpc.StatusCode,
        OperationCanceledException when context.Deadline <= time.GetUtcNow().UtcDateTime => StatusCode.DeadlineExceeded,
        OperationCanceledException or IOException => StatusCode.Cancelled,
        _ => StatusCode.Internal,
    };

    private (string Service, string Method) Split(string method) => _names.GetOrAdd(method, static m =>
    {
        // "/riskgrpc.v1.MetricsService/ComputeMetrics"
        var slash = m.LastIndexOf('/');
        return slash > 0 ? (m[1..slash], m[(slash + 1)..]) : (m, string.Empty);
    });

    private void Tag(ServerCallContext context, object? request)
    {
        if (Activity.Current is not { IsAllDataRequested: true } activity)
        {
            return;
        }

        var (service, method) = Split(context.Method);
        activity.SetTag("rpc.system", "grpc");
        activity.SetTag("rpc.service", service);
        activity.SetTag("rpc.method", method);
        var batch = request switch
        {
            ComputeMetricsBatchRequest b => b.Requests.Count,
            _ => -1,
        };
        if (batch >= 0)
        {
            activity.SetTag("riskgrpc.batch_size", batch);
        }
    }

    private void Record(ServerCallContext context, long start, StatusCode status)
    {
        var (service, method) = Split(context.Method);
        if (Activity.Current is { IsAllDataRequested: true } activity)
        {
            activity.SetTag("rpc.grpc.status_code", (int)status);
            activity.SetTag("riskgrpc.outcome", status.ToString());
        }

        instruments.RpcDuration.Record(
            Stopwatch.GetElapsedTime(start).TotalSeconds,
            new KeyValuePair<string, object?>("rpc.service", service),
            new KeyValuePair<string, object?>("rpc.method", method),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", BoxedStatus[Math.Clamp((int)status, 0, BoxedStatus.Length - 1)]));
    }
}
