using System.Text.Json;
using MessagePack;

namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// Reads a payload (JSON object or msgpack map) into one neutral tree: maps are
/// <see cref="Dictionary{TKey,TValue}"/> of string keys, arrays <see cref="List{T}"/>, integers <see cref="long"/> or
/// <see cref="ulong"/>, JSON fractions exact <see cref="decimal"/>, msgpack floats <see cref="double"/>, and strings,
/// booleans and null as such. Both encodings then share one mapper, so they cannot drift apart.
/// </summary>
internal static class PayloadTree
{
    /// <summary>Deepest nesting accepted from the bus (Nautilus payloads are two levels deep).</summary>
    public const int MaxDepth = 16;

    // Untrusted data: bounded depth and collision-resistant hashing of map keys.
    private static readonly MessagePackSerializerOptions MsgpackOptions = MessagePackSerializerOptions.Standard
        .WithSecurity(MessagePackSecurity.UntrustedData.WithMaximumObjectGraphDepth(MaxDepth));

    /// <summary>Parses a msgpack map.</summary>
    /// <exception cref="FormatException">Not a well-formed msgpack map with string keys.</exception>
    public static Dictionary<string, object?> FromMsgpack(ReadOnlyMemory<byte> bytes)
    {
        object? root;
        try
        {
            root = MessagePackSerializer.Deserialize<object>(bytes, MsgpackOptions);
        }
        catch (MessagePackSerializationException ex)
        {
            throw new FormatException("malformed msgpack: " + ex.Message, ex);
        }

        return Normalize(root) as Dictionary<string, object?> ?? throw new FormatException("the msgpack payload is not a map");
    }

    /// <summary>Parses a JSON object.</summary>
    /// <exception cref="FormatException">Not a well-formed JSON object.</exception>
    public static Dictionary<string, object?> FromJson(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("the JSON payload is not an object");
            }

            var map = ReadObject(ref reader);
            if (reader.Read())
            {
                throw new FormatException("trailing data after the JSON payload");
            }

            return map;
        }
        catch (JsonException ex)
        {
            throw new FormatException("malformed JSON: " + ex.Message, ex);
        }
    }

    /// <summary>Parses a payload in <paramref name="encoding"/>.</summary>
    /// <exception cref="FormatException">Malformed.</exception>
    public static Dictionary<string, object?> Parse(ReadOnlyMemory<byte> bytes, NautilusEncoding encoding) =>
        encoding == NautilusEncoding.Json ? FromJson(bytes.Span) : FromMsgpack(bytes);

    private static Dictionary<string, object?> ReadObject(ref Utf8JsonReader reader)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = ReadValue(ref reader);
        }

        return map;
    }

    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var l))
                {
                    return l;
                }

                if (reader.TryGetUInt64(out var u))
                {
                    return u;
                }

                // Exact from the text: "0.68152" stays 0.68152, with no binary rounding.
                return reader.TryGetDecimal(out var d) ? d : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                throw new FormatException($"unexpected JSON token {reader.TokenType}");
        }
    }

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool => value,
        byte b => (long)b,
        sbyte sb => (long)sb,
        short s => (long)s,
        ushort us => (long)us,
        int i => (long)i,
        uint ui => (long)ui,
        long => value,
        ulong u => u <= long.MaxValue ? (long)u : u,
        float f => (double)f,
        double => value,
        byte[] bytes => bytes,
        IDictionary<object, object> map => NormalizeMap(map),
        object[] array => array.Select(Normalize).ToList(),
        _ => throw new FormatException($"unsupported msgpack value of type {value.GetType().Name}"),
    };

    private static Dictionary<string, object?> NormalizeMap(IDictionary<object, object> map)
    {
        var result = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (key is not string name)
            {
                throw new FormatException("a msgpack map key is not a string");
            }

            result[name] = Normalize(value);
        }

        return result;
    }
}
