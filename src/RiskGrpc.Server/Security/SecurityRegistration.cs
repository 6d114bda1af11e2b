using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace RiskGrpc.Server.Security;

/// <summary>
/// API-key authentication and per-RPC scopes through ASP.NET Core's own authentication and authorization. When on,
/// every endpoint needs a valid key holding its RPC's scope (<see cref="RpcScopes"/>), except health, the metrics
/// scrape and (by setting) reflection. On by default exactly when a Kestrel endpoint binds a non-loopback address; on
/// without keys is a start-up error, so a server is never exposed open or locked shut by accident.
/// </summary>
internal static class SecurityRegistration
{
    public static WebApplicationBuilder AddRiskGrpcSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var enabled = options.Enabled ?? BindsBeyondLoopback(builder.Configuration);
        var keys = new ConfiguredApiKeys(options);
        if (enabled && keys.Keys.Count == 0)
        {
            throw new InvalidOperationException(
                "API-key authentication is on (an endpoint binds a non-loopback address, or RiskGrpc:Auth:Enabled is true) but no key is configured: " +
                "add RiskGrpc:Auth:Keys:0:Name, :Hash (from 'riskgrpc auth hash-key -') and :Scopes:0, or set RiskGrpc:Auth:Enabled=false");
        }

        var services = builder.Services;
        services.AddSingleton(keys);
        services.AddSingleton(new SecuritySettings(enabled, options.AllowAnonymousReflection));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, RpcScopeRequirement>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, GrpcAuthorizationResultHandler>();
        services.AddAuthorization(authorization =>
        {
            if (enabled)
            {
                authorization.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
                    .RequireAuthenticatedUser()
                    .AddRequirements(new RpcScopeRequirement())
                    .Build();
            }
        });
        return builder;
    }

    /// <summary>True when a configured endpoint URL (or <c>urls</c>) names a host other than localhost or a loopback address.</summary>
    internal static bool BindsBeyondLoopback(IConfiguration configuration)
    {
        var urls = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"])
            .Concat((configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var url in urls)
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                continue;
            }

            var host = url.Split("://", 2) is [_, var rest] ? rest : url;
            host = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0].Split('/')[0];
            var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                return true;
            }
        }

        return false;
    }
}
