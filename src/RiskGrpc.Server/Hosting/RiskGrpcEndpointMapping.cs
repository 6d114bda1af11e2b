using RiskGrpc.Server.Backtesting;
using RiskGrpc.Server.LiveRisk;
using RiskGrpc.Server.Metrics;
using RiskGrpc.Server.Optimization;
using RiskGrpc.Server.Security;
using RiskGrpc.Server.Reports;

namespace RiskGrpc.Server.Hosting;

/// <summary>Maps every endpoint of the server: the capabilities, health and reflection.</summary>
internal static class RiskGrpcEndpointMapping
{
    /// <summary>Maps every gRPC service (and its HTTP/JSON routes), grpc.health.v1.Health and server reflection.</summary>
    public static WebApplication MapRiskGrpcServices(this WebApplication app)
    {
        app.UseGrpcRequestBodyLimits(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RiskGrpcServerOptions>>().Value.MaxReceiveMessageSize);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapMetricsFeature();
        app.MapGrpcService<OptimizerGrpcService>();
        app.MapLiveRiskFeature();
        app.MapGrpcService<BacktestGrpcService>();
        app.MapReportsFeature();
        // Health and the metrics scrape stay open so probes and Prometheus need no key; reflection follows its setting.
        app.MapGrpcHealthChecksService().AllowAnonymous();
        var reflection = app.MapGrpcReflectionService();
        if (app.Services.GetRequiredService<SecuritySettings>().AllowAnonymousReflection)
        {
            reflection.AllowAnonymous();
        }

        app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        return app;
    }
}
