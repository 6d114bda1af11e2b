using Grpc.Net.Client;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.LoadClient.Unary;

/// <summary><c>riskgrpc.v1.MetricsService/ComputeMetricsBatch</c> with one pre-built batch reused for every call.</summary>
internal sealed class ComputeMetricsBatchCall : IUnaryCall
{
    private readonly ComputeMetricsBatchRequest _request;

    public ComputeMetricsBatchCall(ComputeMetricsBatchRequest request)
    {
        _request = request;
    }

    public string Name => "batch";

    public string Method => "/riskgrpc.v1.MetricsService/ComputeMetricsBatch";

    public int RequestBytes => _request.CalculateSize();

    public Func<CancellationToken, Task> Bind(GrpcChannel channel)
    {
        var client = new MetricsService.MetricsServiceClient(channel);
        return async cancellationToken =>
        {
            using var call = client.ComputeMetricsBatchAsync(_request, cancellationToken: cancellationToken);
            var response = await call.ResponseAsync;
            if (response.Failed > 0)
            {
                // A batch answers OK even when series fail; a load run must not count that as a clean success.
                throw new Grpc.Core.RpcException(new Grpc.Core.Status(
                    Grpc.Core.StatusCode.Unknown, $"batch answered OK with {response.Failed} failed series"));
            }
        };
    }
}
