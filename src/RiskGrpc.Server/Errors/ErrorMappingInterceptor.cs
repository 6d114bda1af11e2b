using Grpc.Core;
using Grpc.Core.Interceptors;

namespace RiskGrpc.Server.Errors;

/// <summary>
/// The last line of defence for every service: client errors from the engine become INVALID_ARGUMENT /
/// RESOURCE_EXHAUSTED with details (<see cref="RpcErrors"/>); any other exception is logged once at Error and reaches
/// the client as a bare INTERNAL. <see cref="RpcException"/> and cancellation of the call pass through untouched; an
/// <see cref="IOException"/> (the client's request stream broke) ends the call as CANCELLED without an Error log.
/// The unary path adds no allocation when the handler completes synchronously.
/// </summary>
internal sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Task<TResponse> task;
        try
        {
            task = continuation(request, context);
        }
        catch (Exception ex) when (ShouldMap(ex, context))
        {
            return Task.FromException<TResponse>(Map(ex, context));
        }

        return task.IsCompletedSuccessfully ? task : AwaitUnary(task, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ShouldMap(ex, context))
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ShouldMap(ex, context))
        {
            throw Map(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ShouldMap(ex, context))
        {
            throw Map(ex, context);
        }
    }

    private async Task<TResponse> AwaitUnary<TResponse>(Task<TResponse> task, ServerCallContext context)
    {
        try
        {
            return await task;
        }
        catch (Exception ex) when (ShouldMap(ex, context))
        {
            throw Map(ex, context);
        }
    }

    private static bool ShouldMap(Exception exception, ServerCallContext context) => exception switch
    {
        RpcException => false,
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => false,
        _ => true,
    };

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        // IOException: Kestrel's request reader throws it when the client resets the stream or the connection drops, and
        // may do so before it has cancelled the call's token (the abort reaches the token through the thread pool).
        if (context.CancellationToken.IsCancellationRequested || exception is IOException)
        {
            // The client reset the stream or the deadline passed: the failure (often an IOException from the reader)
            // is a consequence, not a server fault, and nobody is left to receive a status.
            ErrorsLog.CallEnded(logger, context.Method, exception);
            return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "call cancelled", exception));
        }

        if (RpcErrors.IsClientError(exception))
        {
            ErrorsLog.RequestRejected(logger, context.Method, exception.Message);
            return RpcErrors.ToStatus(exception, string.Empty).ToRpcException();
        }

        ErrorsLog.UnhandledException(logger, context.Method, exception);
        return new RpcException(new Grpc.Core.Status(StatusCode.Internal, RpcErrors.InternalMessage));
    }
}
