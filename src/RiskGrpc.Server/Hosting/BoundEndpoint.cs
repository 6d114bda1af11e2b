using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RiskGrpc.Server.Hosting;

/// <summary>
/// A named Kestrel endpoint from configuration (<c>Kestrel:Endpoints:{Name}</c>). Kestrel updates
/// <see cref="ListenOptions"/> with the address it actually bound, so <see cref="Url"/> is exact (port 0 included)
/// once the server has started.
/// </summary>
internal sealed class BoundEndpoint(string name, ListenOptions listenOptions, bool isHttps, string? configuredUrl)
{
    /// <summary>The endpoint's configuration name, e.g. <c>Grpc</c> or <c>Http</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The HTTP protocols the endpoint speaks.</summary>
    public HttpProtocols Protocols => listenOptions.Protocols;

    /// <summary>The bound URL (scheme://ip:port), or the configured URL when Kestrel bound no single IP endpoint.</summary>
    public string Url => listenOptions.IPEndPoint is { } ip
        ? $"{(isHttps ? "https" : "http")}://{ip}"
        : configuredUrl ?? listenOptions.ToString() ?? string.Empty;
}
