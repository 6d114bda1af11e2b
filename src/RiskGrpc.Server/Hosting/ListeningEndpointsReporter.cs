using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace RiskGrpc.Server.Hosting;

/// <summary>
/// Once the server has started, logs one line per endpoint with the address Kestrel actually bound (so port 0 shows
/// the real port). Endpoints that come from somewhere other than <c>Kestrel:Endpoints</c> (e.g. ASPNETCORE_URLS) are
/// reported from the server's address feature instead.
/// </summary>
internal sealed class ListeningEndpointsReporter(
    IHostApplicationLifetime lifetime,
    IServer server,
    KestrelEndpointRegistry registry,
    ILogger<ListeningEndpointsReporter> logger) : IHostedService
{
    private CancellationTokenRegistration _registration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStarted.Register(Report);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _registration.Dispose();
        return Task.CompletedTask;
    }

    private void Report()
    {
        if (registry.Endpoints.Count > 0)
        {
            foreach (var endpoint in registry.Endpoints.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                HostingLog.EndpointListening(logger, endpoint.Name, endpoint.Url, endpoint.Protocols);
            }

            return;
        }

        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            HostingLog.AddressListening(logger, address);
        }
    }
}
