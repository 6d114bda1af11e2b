namespace RiskGrpc.Nautilus.Decoding;

/// <summary>A decoded message-bus payload the bridge acts on.</summary>
internal abstract record BusMessage
{
    /// <summary>The payload's <c>type</c>.</summary>
    public abstract string TypeName { get; }
}
