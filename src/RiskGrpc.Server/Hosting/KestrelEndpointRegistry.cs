using System.Collections.Concurrent;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RiskGrpc.Server.Hosting;

/// <summary>
/// Remembers every named endpoint of the standard <c>Kestrel</c> configuration section so the server can report (and
/// tests can find) where each one listens. Binding itself stays entirely Kestrel's.
/// </summary>
internal sealed class KestrelEndpointRegistry
{
    private readonly ConcurrentDictionary<string, BoundEndpoint> _endpoints = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The named endpoints, in no particular order.</summary>
    public IReadOnlyList<BoundEndpoint> Endpoints => [.. _endpoints.Values];

    /// <summary>Applies <paramref name="kestrelSection"/> to Kestrel and records each of its named endpoints.</summary>
    public void Configure(KestrelServerOptions kestrel, IConfigurationSection kestrelSection)
    {
        // reloadOnChange: false, so the addresses reported at startup stay the addresses served.
        var loader = kestrel.Configure(kestrelSection, reloadOnChange: false);
        foreach (var endpoint in kestrelSection.GetSection("Endpoints").GetChildren())
        {
            var name = endpoint.Key;
            var url = endpoint["Url"];
            loader.Endpoint(name, e => _endpoints[name] = new BoundEndpoint(name, e.ListenOptions, e.IsHttps, url));
        }
    }

    /// <summary>The endpoint named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such endpoint is configured.</exception>
    public BoundEndpoint Get(string name) =>
        _endpoints.TryGetValue(name, out var endpoint) ? endpoint : throw new KeyNotFoundException($"No Kestrel endpoint named '{name}' is configured");
}
