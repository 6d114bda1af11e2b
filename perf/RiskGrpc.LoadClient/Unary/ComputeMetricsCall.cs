using Google.Protobuf;
using Grpc.Net.Client;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.LoadClient.Unary;

/// <summary><c>riskgrpc.v1.MetricsService/ComputeMetrics</c> with one pre-built request reused for every call.</summary>
internal sealed class ComputeMetricsCall : IUnaryCall
{
    private readonly ComputeMetricsRequest _request;

    public ComputeMetricsCall(ComputeMetricsRequest request)
    {
        _request = request;
    }

    public string Name => "metrics";

    public string Method => "/riskgrpc.v1.MetricsService/ComputeMetrics";

    public int RequestBytes => _request.CalculateSize();

    /// <summary>The request every call sends.</summary>
    public IMessage Request => _request;

    public Func<CancellationToken, Task> Bind(GrpcChannel channel)
    {
        var client = new MetricsService.MetricsServiceClient(channel);
        return async cancellationToken =>
        {
            using var call = client.ComputeMetricsAsync(_request, cancellationToken: cancellationToken);
            await call.ResponseAsync;
        };
    }
}
