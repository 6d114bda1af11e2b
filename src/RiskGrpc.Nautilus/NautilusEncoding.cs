namespace RiskGrpc.Nautilus;

/// <summary>Payload encoding of a message-bus entry (the node's <c>MessageBusConfig.encoding</c>).</summary>
public enum NautilusEncoding
{
    /// <summary>msgpack map (the default of Nautilus ≤ 1.228).</summary>
    Msgpack = 0,

    /// <summary>Compact UTF-8 JSON object.</summary>
    Json = 1,
}
