using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly.Telemetry;

namespace RiskGrpc.Cloud;

/// <summary>DI registration of the hybrid optimizer and, when enabled, the cloud client with its resilience pipeline.</summary>
public static class CloudServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client and of its resilience pipeline.</summary>
    public const string ClientName = "portfolio-optimizer";

    /// <summary>
    /// Registers <see cref="HybridPortfolioOptimizer"/> with <paramref name="options"/> (validated). With
    /// <see cref="CloudOptimizerOptions.Enabled"/> false nothing touches the network: no client is registered.
    /// </summary>
    public static IServiceCollection AddHybridPortfolioOptimizer(this IServiceCollection services, CloudOptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.Replace(ServiceDescriptor.Singleton(options));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CloudAnswerCache(options.CacheCapacity, options.CacheTtl, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<HybridOptimizerMetrics>();
        services.TryAddTransient<HybridPortfolioOptimizer>();
        if (!options.Enabled)
        {
            return services;
        }

        var key = options.ResolveApiKey();
        var keyed = key is not null;
        services.TryAddSingleton<CloudCircuit>();
        services.TryAddSingleton(_ => new CloudRateLimiter(options.EffectiveRequestsPerSecond(keyed), options.EffectiveMaxConcurrentRequests(keyed), options.RateLimiterQueueLimit));
        services.TryAddTransient<CloudAttemptCountingHandler>();
        var http = services.AddHttpClient<PortfolioOptimizerClient>(ClientName, client =>
        {
            client.BaseAddress = options.BaseUrl;
            // The pipeline's timeouts bound every call; the client's own 100 s default must not cut in first.
            client.Timeout = Timeout.InfiniteTimeSpan;
            if (key is not null)
            {
                client.DefaultRequestHeaders.Add("X-API-Key", key);
            }
        });

        // Header values never reach a log, whatever the log level.
        http.RedactLoggedHeaders(_ => true);
        http.AddResilienceHandler(ClientName, (builder, context) => CloudResiliencePipeline.Configure(
            builder,
            options,
            context.ServiceProvider.GetRequiredService<CloudCircuit>(),
            context.ServiceProvider.GetRequiredService<CloudRateLimiter>(),
            context.ServiceProvider.GetRequiredService<TimeProvider>()));

        // Added after the resilience handler, so it sits inside it and sees every attempt.
        http.AddHttpMessageHandler<CloudAttemptCountingHandler>();

        // A failing cloud is an expected, handled condition (the call falls back): Polly's own telemetry would log its
        // timeouts and handled attempts as errors. Our pipeline's events log at Information, an opened circuit at Warning.
        services.Configure<TelemetryOptions>(telemetry =>
        {
            var inner = telemetry.SeverityProvider;
            telemetry.SeverityProvider = args =>
                args.Source.PipelineName?.StartsWith(ClientName, StringComparison.Ordinal) != true ? inner?.Invoke(args) ?? args.Event.Severity
                : args.Event.EventName == "OnCircuitOpened" ? ResilienceEventSeverity.Warning
                : args.Event.Severity >= ResilienceEventSeverity.Information ? ResilienceEventSeverity.Information
                : args.Event.Severity;
        });
        return services;
    }
}
