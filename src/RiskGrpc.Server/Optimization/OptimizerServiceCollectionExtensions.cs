namespace RiskGrpc.Server.Optimization;

/// <summary>DI registration of the optimizer service.</summary>
public static class OptimizerServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <see cref="OptimizerGrpcService"/> needs: the gRPC server services (idempotent). The engine itself is
    /// stateless and needs no registration. Map the service with <c>app.MapGrpcService&lt;OptimizerGrpcService&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddRiskGrpcOptimizer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddGrpc();
        return services;
    }
}
