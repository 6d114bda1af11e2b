using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RiskGrpc.Nautilus.Hosting;

/// <summary>Registers the NautilusTrader bridge when <c>RiskGrpc:Nautilus:Enabled</c> is true; otherwise nothing.</summary>
public static class NautilusBridgeFeature
{
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
        return services;
    }
}
