using RiskGrpc.Server.LiveRisk;
using RiskGrpc.Server.Metrics;
using RiskGrpc.Server.Optimization;

namespace RiskGrpc.Server.Hosting;

/// <summary>Maps every endpoint of the server: the capabilities, health and reflection.</summary>
internal static class RiskGrpcEndpointMapping
{
    /// <summary>Maps every gRPC service (and its HTTP/JSON routes), grpc.health.v1.Health and server reflection.</summary>
    public static WebApplication MapRiskGrpcServices(this WebApplication app)
    {
        app.UseGrpcRequestBodyLimits(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RiskGrpcServerOptions>>().Value.MaxReceiveMessageSize);
        app.MapMetricsFeature();
        app.MapGrpcService<OptimizerGrpcService>();
        app.MapLiveRiskFeature();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
