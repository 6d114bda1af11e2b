namespace RiskGrpc.Nautilus.Decoding;

/// <summary>A payload of a known type the bridge does not act on (e.g. <c>TradeTick</c>) or of an unknown type.</summary>
internal sealed record IgnoredMessage(string Type, bool Known) : BusMessage
{
    /// <inheritdoc />
    public override string TypeName => Type;
}
