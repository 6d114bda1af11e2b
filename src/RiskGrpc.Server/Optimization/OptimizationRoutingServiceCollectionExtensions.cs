using RiskGrpc.Cloud;

namespace RiskGrpc.Server.Optimization;

/// <summary>DI registration of the optimization router and, when <c>RiskGrpc:Cloud:Enabled</c>, the cloud client.</summary>
public static class OptimizationRoutingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CloudOptimizerOptions"/> from <c>RiskGrpc:Cloud</c> (validated at start-up) and registers the
    /// router. Without that section every call stays local and nothing touches the network.
    /// </summary>
    public static IServiceCollection AddRiskGrpcOptimizationRouting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(CloudOptimizerOptions.SectionName).Get<CloudOptimizerOptions>() ?? new CloudOptimizerOptions();
        services.AddHybridPortfolioOptimizer(options);
        services.AddTransient<OptimizationRouter>();
        return services;
    }
}
