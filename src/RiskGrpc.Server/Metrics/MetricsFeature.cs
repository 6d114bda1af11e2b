using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Server.Metrics;

/// <summary>Registers and maps the metrics capability (engine, service, stream pipeline).</summary>
internal static class MetricsFeature
{
    /// <summary>The configuration section of the engine limits.</summary>
    public const string LimitsSection = "RiskGrpc:Limits";

    /// <summary>Registers the engine (limits from <see cref="LimitsSection"/>) and the service's collaborators.</summary>
    public static IServiceCollection AddMetricsFeature(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(LimitsSection).Get<MetricsLimits>() ?? new MetricsLimits();
        services.AddSingleton(MetricsEngine.Create(limits));
        services.AddSingleton<MetricsComputer>();
        services.AddSingleton<MetricsStreamPipeline>();
        return services;
    }

    /// <summary>Maps <c>riskgrpc.v1.MetricsService</c> (gRPC and its HTTP/JSON routes).</summary>
    public static IEndpointRouteBuilder MapMetricsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<MetricsGrpcService>();
        return endpoints;
    }
}
