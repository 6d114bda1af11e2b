using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RiskGrpc.Nautilus.Hosting;

/// <summary>Registers the NautilusTrader bridge when <c>RiskGrpc:Nautilus:Enabled</c> is true; otherwise nothing.</summary>
public static class NautilusBridgeFeature
{
    /// <summary>The gRPC health service name under which the server reports the bridge (<c>grpc.health.v1.Health/Check</c>).</summary>
    public const string HealthServiceName = "riskgrpc.nautilus";

    /// <summary>True for the health check registration of the bridge (to keep it out of the server's overall health).</summary>
    public static bool IsBridgeHealthCheck(string registrationName) => registrationName == NautilusHealthCheck.Name;

    /// <summary>
    /// Binds and validates <see cref="NautilusOptions"/> and, when enabled, adds the bridge's hosted service. Needs the
    /// live risk engine (<c>AddRiskGrpcLiveRisk</c>) and a <see cref="TimeProvider"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public static IServiceCollection AddRiskGrpcNautilus(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new NautilusOptions();
        var section = configuration.GetSection(NautilusOptions.SectionName);
        section.Bind(options);

        // Collection-valued options replace (not extend) the defaults when configured.
        if (section.GetSection(nameof(NautilusOptions.Streams)).GetChildren().Any())
        {
            options.Streams.Clear();
            foreach (var stream in section.GetSection(nameof(NautilusOptions.Streams)).GetChildren())
            {
                options.Streams.Add(stream.Value ?? string.Empty);
            }
        }

        options.Validate();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddSingleton(options);
        services.AddSingleton<NautilusBridgeStatistics>();
        services.AddSingleton<NautilusPortfolioViews>();
        services.AddMetrics();
        services.AddSingleton<NautilusBridgeMetrics>();
        services.AddHostedService<NautilusBridgeService>();
        services.AddHealthChecks().AddCheck<NautilusHealthCheck>(NautilusHealthCheck.Name);
        return services;
    }
}
