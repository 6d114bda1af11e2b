using Microsoft.Extensions.Diagnostics.HealthChecks;
using Google.Protobuf.Reflection;
using Google.Rpc;
using RiskGrpc.Nautilus;
using RiskGrpc.Nautilus.Hosting;
using RiskGrpc.Server.Errors;
using RiskGrpc.Server.LiveRisk;
using RiskGrpc.Server.Metrics;
using RiskGrpc.Server.Observability;
using RiskGrpc.Server.Protection;
using RiskGrpc.Server.Security;
using RiskGrpc.Server.Optimization;
using RiskGrpc.Server.Reports;

namespace RiskGrpc.Server.Hosting;

/// <summary>
/// Service registration of the whole server. Each capability adds one <c>Add…Feature</c> line in
/// <see cref="AddRiskGrpcServer"/> and one <c>Map…Feature</c> line in <see cref="RiskGrpcEndpointMapping"/>.
/// </summary>
internal static class RiskGrpcServerRegistration
{
    /// <summary>Configures Kestrel from the standard <c>Kestrel</c> section and registers gRPC, transcoding,
    /// reflection, health and every capability.</summary>
    public static WebApplicationBuilder AddRiskGrpcServer(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var options = configuration.GetSection(RiskGrpcServerOptions.SectionName).Get<RiskGrpcServerOptions>() ?? new RiskGrpcServerOptions();
        options.Validate();

        var endpoints = new KestrelEndpointRegistry();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            endpoints.Configure(kestrel, context.Configuration.GetSection("Kestrel"));
            // Connection, header and HTTP/2 limits (streams per connection, keep-alive pings) from Kestrel:Limits.
            context.Configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits);
            kestrel.ConfigureHttpsDefaults(https => Security.ClientCertificateTrust.Configure(https, context.Configuration["RiskGrpc:Tls:ClientCertificateAuthority"]));
        });

        var services = builder.Services;
        services.AddSingleton(endpoints);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        services.AddHostedService<ListeningEndpointsReporter>();

        builder.AddRiskGrpcObservability();
        builder.AddRiskGrpcSecurity();
        builder.AddRiskGrpcRateLimiting();
        services.AddSingleton<ErrorMappingInterceptor>();
        services
            .AddGrpc(grpc =>
            {
                grpc.MaxReceiveMessageSize = options.MaxReceiveMessageSize;
                grpc.MaxSendMessageSize = options.MaxSendMessageSize;
                // Outermost first: telemetry sees the status the error mapping produced.
                grpc.Interceptors.Add<TelemetryInterceptor>();
                grpc.Interceptors.Add<ErrorMappingInterceptor>();
            })
            .AddJsonTranscoding(json =>
            {
                // Error details travel as google.protobuf.Any; the JSON writer needs their descriptors to render them.
                json.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor, QuotaFailure.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor);
            });
        services.AddGrpcReflection();
        // Liveness: the process answers. Capabilities with dependencies add their own checks to this builder.
        services.AddGrpcHealthChecks(health =>
            {
                health.UseHealthChecksCache = false;
                // The Nautilus bridge reports under its own service name: the server serves without the bus.
                health.Services.Map("", r => !NautilusBridgeFeature.IsBridgeHealthCheck(r.Name));
                if (configuration.GetValue<bool>(NautilusOptions.SectionName + ":" + nameof(NautilusOptions.Enabled)))
                {
                    health.Services.Map(NautilusBridgeFeature.HealthServiceName, r => NautilusBridgeFeature.IsBridgeHealthCheck(r.Name));
                }
            })
            .AddCheck("self", () => HealthCheckResult.Healthy());

        services.AddMetricsFeature(configuration);
        services.AddRiskGrpcOptimizer();
        services.AddRiskGrpcOptimizationRouting(configuration);
        services.AddRiskGrpcLiveRisk(configuration);
        services.AddReportsFeature();
        services.AddRiskGrpcNautilus(configuration);
        // Last, after every feature's AddGrpc: our binder replaces grpc-dotnet's (same routes and handlers) so malformed
        // request bodies end INTERNAL, not UNKNOWN.
        foreach (var binder in services.Where(d => d.ServiceType == typeof(Grpc.AspNetCore.Server.Model.IServiceMethodProvider<>)
            && d.ImplementationType is { Name: "BinderServiceMethodProvider`1" }).ToList())
        {
            services.Remove(binder);
        }

        services.AddSingleton(typeof(Grpc.AspNetCore.Server.Model.IServiceMethodProvider<>), typeof(StrictRequestMethodProvider<>));
        return builder;
    }
}
