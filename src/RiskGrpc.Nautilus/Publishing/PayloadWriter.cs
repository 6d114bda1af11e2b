using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MessagePack;

namespace RiskGrpc.Nautilus.Publishing;

/// <summary>
/// Encodes an <see cref="OrderedPayload"/> tree as compact JSON or a msgpack map. Values: strings, booleans, null,
/// integers, doubles (non-finite written as null: JSON has no NaN), decimals (as decimal strings, as Nautilus
/// writes prices), nested payloads and lists.
/// </summary>
internal static class PayloadWriter
{
    /// <summary>The encoded bytes.</summary>
    public static byte[] Encode(OrderedPayload payload, NautilusEncoding encoding)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        if (encoding == NautilusEncoding.Json)
        {
            using var json = new Utf8JsonWriter(buffer);
            WriteJson(json, payload);
        }
        else
        {
            var writer = new MessagePackWriter(buffer);
            WriteMsgpack(ref writer, payload);
            writer.Flush();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    json.WriteNumberValue(d);
                }
                else
                {
                    json.WriteNullValue();
                }

                break;
            case decimal m:
                json.WriteStringValue(m.ToString(CultureInfo.InvariantCulture));
                break;
            case OrderedPayload map:
                json.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    json.WritePropertyName(key);
                    WriteJson(json, item);
                }

                json.WriteEndObject();
                break;
            case System.Collections.IEnumerable list:
                json.WriteStartArray();
                foreach (var item in list)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"cannot encode {value.GetType().Name}", nameof(value));
        }
    }

    private static void WriteMsgpack(ref MessagePackWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNil();
                break;
            case string s:
                writer.Write(s);
                break;
            case bool b:
                writer.Write(b);
                break;
            case long l:
                writer.Write(l);
                break;
            case ulong u:
                writer.Write(u);
                break;
            case int i:
                writer.Write(i);
                break;
            case double d:
                if (double.IsFinite(d))
                {
                    writer.Write(d);
                }
                else
                {
                    writer.WriteNil();
                }

                break;
            case decimal m:
                writer.Write(m.ToString(CultureInfo.InvariantCulture));
                break;
            case OrderedPayload map:
                writer.WriteMapHeader(map.Count);
                foreach (var (key, item) in map)
                {
                    writer.Write(key);
                    WriteMsgpack(ref writer, item);
                }

                break;
            case System.Collections.IList list:
                writer.WriteArrayHeader(list.Count);
                foreach (var item in list)
                {
                    WriteMsgpack(ref writer, item);
                }

                break;
            default:
                throw new ArgumentException($"cannot encode {value.GetType().Name}", nameof(value));
        }
    }
}
