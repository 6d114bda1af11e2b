using RiskGrpc.Server.LiveRisk;
using RiskGrpc.Server.Metrics;
using RiskGrpc.Server.Optimization;
using RiskGrpc.Server.Reports;

namespace RiskGrpc.Server.Hosting;

/// <summary>Maps every endpoint of the server: the capabilities, health and reflection.</summary>
internal static class RiskGrpcEndpointMapping
{
    /// <summary>Maps every gRPC service (and its HTTP/JSON routes), grpc.health.v1.Health and server reflection.</summary>
    public static WebApplication MapRiskGrpcServices(this WebApplication app)
    {
        app.MapMetricsFeature();
        app.MapGrpcService<OptimizerGrpcService>();
        app.MapLiveRiskFeature();
        app.MapReportsFeature();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }
}
