using Grpc.Health.V1;
using Grpc.Net.Client;

namespace RiskGrpc.LoadClient.Unary;

/// <summary>
/// <c>grpc.health.v1.Health/Check</c> for the whole server (empty service name), through Grpc.HealthCheck's client:
/// the server's cheapest call, the baseline <c>ComputeMetrics</c> is compared against.
/// </summary>
internal sealed class HealthCheckCall : IUnaryCall
{
    private static readonly HealthCheckRequest Request = new();

    public string Name => "health";

    public string Method => "/grpc.health.v1.Health/Check";

    public int RequestBytes => Request.CalculateSize();

    public Func<CancellationToken, Task> Bind(GrpcChannel channel)
    {
        var client = new Health.HealthClient(channel);
        return async cancellationToken =>
        {
            using var call = client.CheckAsync(Request, cancellationToken: cancellationToken);
            await call.ResponseAsync;
        };
    }
}
