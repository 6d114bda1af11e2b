using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports;
using RiskGrpc.Reports.Demo;

namespace RiskGrpc.Server.Reports;

/// <summary>Registers and maps the reports capability: <c>ReportService</c> and <c>GET /reports/demo</c>.</summary>
internal static class ReportsFeature
{
    /// <summary>Registers the renderer over the server's metrics engine.</summary>
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ReportRenderer(sp.GetRequiredService<IMetricsEngine>()));
        services.AddSingleton<LiveRiskViewSource>();
        return services;
    }

    /// <summary>Maps the gRPC service (and <c>POST /v1/reports:render</c>) and the demo pages.</summary>
    public static IEndpointRouteBuilder MapReportsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ReportGrpcService>();
        // The demo is deterministic (seeded bootstrap, bundled data): render it once per process.
        var demo = new Lazy<ReportDocuments>(() => endpoints.ServiceProvider.GetRequiredService<ReportRenderer>().Render(DemoReport.Input()));
        endpoints.MapGet("/reports/demo", () => Results.Bytes(demo.Value.Html!, "text/html; charset=utf-8"));
        endpoints.MapGet("/reports/demo.json", () => Results.Bytes(demo.Value.Json!, "application/json"));
        return endpoints;
    }
}
