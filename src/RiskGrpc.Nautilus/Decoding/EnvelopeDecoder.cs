using System.Text;

namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// Decodes one stream entry's fields. v1 (Nautilus ≤ 1.228): <c>topic</c>, <c>payload</c> in the configured encoding.
/// v2 (≥ 1.229, recognised by an <c>encoding</c> field): <c>topic</c>, <c>type</c>, <c>payload</c>, <c>encoding</c> in any
/// order, order and position events wrapped in an externally tagged enum (<c>{"Filled":{…}}</c>). Heartbeats carry raw
/// RFC 3339 text. Never throws for bad input: a problem comes back as <see cref="DecodedEntry.Error"/>.
/// </summary>
internal static class EnvelopeDecoder
{
    /// <summary>Decodes the fields of one entry.</summary>
    public static DecodedEntry Decode(IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> fields, NautilusEncoding configured)
    {
        string? topic = null;
        string? headerType = null;
        string? encoding = null;
        ReadOnlyMemory<byte>? payload = null;
        foreach (var (name, value) in fields)
        {
            switch (name)
            {
                case "topic":
                    topic = Encoding.UTF8.GetString(value.Span);
                    break;
                case "payload":
                    payload = value;
                    break;
                case "type":
                    headerType = Encoding.UTF8.GetString(value.Span);
                    break;
                case "encoding":
                    encoding = Encoding.UTF8.GetString(value.Span);
                    break;
            }
        }

        var version = encoding is null ? 1 : 2;
        if (topic is null || payload is null)
        {
            return DecodedEntry.Malformed(topic, version, "the entry lacks a topic or a payload field");
        }

        try
        {
            if (topic == HeartbeatMessage.Topic)
            {
                return new DecodedEntry(topic, version, new HeartbeatMessage(NautilusTimestamp.Parse(Encoding.UTF8.GetString(payload.Value.Span))), 0, null);
            }

            var payloadEncoding = version == 1 ? configured : ParseEncoding(encoding!);
            var map = new PayloadMap(PayloadTree.Parse(payload.Value, payloadEncoding));
            var (type, body) = version == 1 ? (map.Type, map) : UnwrapV2(headerType, map);
            if (type is null)
            {
                return DecodedEntry.Malformed(topic, version, "the payload has no type");
            }

            var (message, unknownFields) = PayloadMessageMapper.Map(type, body);
            return new DecodedEntry(topic, version, message, unknownFields, null);
        }
        catch (FormatException ex)
        {
            return DecodedEntry.Malformed(topic, version, ex.Message);
        }
        catch (Exception ex) when (ex is OverflowException or InvalidCastException or ArgumentException or InvalidOperationException)
        {
            // Untrusted input must never stop the reader: whatever a library throws on it marks the entry malformed.
            return DecodedEntry.Malformed(topic, version, ex.Message);
        }
    }

    private static NautilusEncoding ParseEncoding(string encoding) => encoding.ToUpperInvariant() switch
    {
        "JSON" => NautilusEncoding.Json,
        "MSGPACK" => NautilusEncoding.Msgpack,
        _ => throw new FormatException($"encoding '{encoding}' is neither json nor msgpack"),
    };

    /// <summary>
    /// v2 payloads are serde forms of the Rust structs; events come as <c>{"Variant":{…}}</c> under header types such
    /// as <c>OrderEventAny</c> or <c>PositionEvent</c>. Variant names map to the v1 type names.
    /// </summary>
    private static (string? Type, PayloadMap Body) UnwrapV2(string? headerType, PayloadMap map)
    {
        if (map.Values.Count == 1 && map.Values.First() is { Value: IReadOnlyDictionary<string, object?> inner } single
            && single.Key.Length > 0 && char.IsAsciiLetterUpper(single.Key[0]))
        {
            var variant = single.Key;
            var type = variant.StartsWith("Order", StringComparison.Ordinal) || variant.StartsWith("Position", StringComparison.Ordinal)
                ? variant
                : "Order" + variant;
            return (type, new PayloadMap(inner));
        }

        return (map.Type ?? headerType, map);
    }
}
