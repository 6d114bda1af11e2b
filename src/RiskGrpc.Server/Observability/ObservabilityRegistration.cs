using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RiskGrpc.Engine.Live;

namespace RiskGrpc.Server.Observability;

/// <summary>
/// OpenTelemetry for the server: metrics from ASP.NET Core, Kestrel, the .NET runtime and RiskGrpc's own meters,
/// scraped at <c>GET /metrics</c> (Prometheus text) and pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set;
/// traces (an Activity per request, W3C trace context honoured) exported over OTLP when that variable is set; and the
/// console log format (<c>RiskGrpc:Logging:Format</c> = <c>simple</c> or <c>json</c>).
/// </summary>
internal static class ObservabilityRegistration
{
    /// <summary>Meters exported besides the runtime's.</summary>
    public static readonly string[] Meters =
    [
        ServerInstruments.MeterName, LiveRiskEngine.MeterName, "RiskGrpc.Optimization.Routing", "RiskGrpc.Nautilus",
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authorization", "System.Net.Http",
        "Microsoft.AspNetCore.MemoryPool",
    ];

    public static WebApplicationBuilder AddRiskGrpcObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var format = configuration["RiskGrpc:Logging:Format"] ?? "simple";
        switch (format)
        {
            case "json":
                // Switches the console provider to the JSON formatter (one provider, other providers kept).
                builder.Logging.AddJsonConsole(json =>
                {
                    json.IncludeScopes = true;
                    json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    json.UseUtcTimestamp = true;
                });
                break;
            case "simple":
                break;
            default:
                throw new InvalidOperationException($"RiskGrpc:Logging:Format must be simple or json; got '{format}'");
        }

        var services = builder.Services;
        services.AddSingleton<ServerInstruments>();
        services.AddSingleton<TelemetryInterceptor>();
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("riskgrpc", serviceVersion: typeof(ObservabilityRegistration).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddRuntimeInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            // Without an exporter nobody listens, so requests create no Activity and pay nothing for tracing.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.RecordException = false)
                .AddSource("RiskGrpc.*")
                .AddOtlpExporter());
        }

        return builder;
    }
}
