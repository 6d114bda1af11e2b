namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// What the decoder made of one stream entry: a message (possibly <see cref="IgnoredMessage"/>), or an error that
/// marks the entry malformed. <see cref="UnknownFields"/> counts payload keys the mapper does not know.
/// </summary>
internal readonly record struct DecodedEntry(string? Topic, int EnvelopeVersion, BusMessage? Message, int UnknownFields, string? Error)
{
    /// <summary>A malformed entry.</summary>
    public static DecodedEntry Malformed(string? topic, int version, string error) => new(topic, version, null, 0, error);
}
