using Grpc.Net.Client;

namespace RiskGrpc.LoadClient.Unary;

/// <summary>One unary RPC the <c>unary</c> command can drive, with its request built once up front.</summary>
internal interface IUnaryCall
{
    /// <summary>The <c>--call</c> name (<c>metrics</c>, <c>health</c>, <c>batch</c>).</summary>
    string Name { get; }

    /// <summary>The full gRPC method, e.g. <c>/riskgrpc.v1.MetricsService/ComputeMetrics</c>.</summary>
    string Method { get; }

    /// <summary>Serialized request size in bytes (without the 5-byte gRPC prefix).</summary>
    int RequestBytes { get; }

    /// <summary>Binds a client to <paramref name="channel"/> and returns the call to repeat; it throws <c>RpcException</c> on a non-OK status.</summary>
    Func<CancellationToken, Task> Bind(GrpcChannel channel);
}
