using Microsoft.Extensions.DependencyInjection.Extensions;
using RiskGrpc.Engine.Live;

namespace RiskGrpc.Server.LiveRisk;

/// <summary>
/// Registers and maps <c>riskgrpc.v1.LiveRiskService</c>. The host adds <c>services.AddRiskGrpcLiveRisk(configuration)</c>
/// and <c>app.MapGrpcService&lt;LiveRiskGrpcService&gt;()</c> (or <see cref="MapLiveRiskFeature"/>).
/// </summary>
public static class LiveRiskFeature
{
    /// <summary>
    /// Registers the live risk engine (options from the <c>LiveRisk</c> section, validated at start), its
    /// diagnostics and the gRPC service. Needs <c>AddGrpc()</c> from the host.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An option in the <c>LiveRisk</c> section is out of range.</exception>
    public static IServiceCollection AddRiskGrpcLiveRisk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(LiveRiskOptions.SectionName).Get<LiveRiskOptions>() ?? new LiveRiskOptions();
        options.Validate();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ILiveRiskDiagnostics, LiveRiskDiagnostics>();
        services.AddSingleton<LiveRiskEngine>();
        return services;
    }

    /// <summary>Maps <c>riskgrpc.v1.LiveRiskService</c>.</summary>
    public static IEndpointRouteBuilder MapLiveRiskFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<LiveRiskGrpcService>();
        return endpoints;
    }
}
