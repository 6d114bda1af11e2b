namespace RiskGrpc.Nautilus.Decoding;

/// <summary>A <c>health:heartbeat</c> entry: raw RFC 3339 text, a liveness signal only.</summary>
internal sealed record HeartbeatMessage(ulong Timestamp) : BusMessage
{
    /// <summary>The heartbeat topic.</summary>
    public const string Topic = "health:heartbeat";

    /// <inheritdoc />
    public override string TypeName => "Heartbeat";
}
