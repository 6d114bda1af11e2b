namespace RiskGrpc.Server.Hosting;

/// <summary>Log messages of the host. EventIds 1–99 are reserved for this area.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, EventName = "EndpointListening",
        Message = "RiskGrpc endpoint {Name} listening on {Url} ({Protocols})")]
    public static partial void EndpointListening(ILogger logger, string name, string url, Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols protocols);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, EventName = "AddressListening",
        Message = "RiskGrpc listening on {Url}")]
    public static partial void AddressListening(ILogger logger, string url);
}
