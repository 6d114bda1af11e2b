using System.Text;
using System.Text.Json;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Nautilus.Tests;

/// <summary>The sample bus entries of <c>../shared/data/nautilus-sample-events*.jsonl</c>, fields in stored order.</summary>
internal static class SampleEvents
{
    public const string Stream = "trader-TRADER-001:stream";

    public const string JsonFile = "nautilus-sample-events.jsonl";

    public const string MsgpackFile = "nautilus-sample-events.msgpack.jsonl";

    /// <summary>Each line's fields (name, bytes) in order; base64 fields decoded.</summary>
    public static List<List<KeyValuePair<string, ReadOnlyMemory<byte>>>> Load(string file)
    {
        var entries = new List<List<KeyValuePair<string, ReadOnlyMemory<byte>>>>();
        foreach (var line in File.ReadLines(SharedData.DataFile(file)).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var base64 = doc.RootElement.TryGetProperty("base64_fields", out var b)
                ? b.EnumerateArray().Select(e => e.GetString()!).ToHashSet()
                : [];
            Assert.Equal(Stream, doc.RootElement.GetProperty("stream").GetString());
            var fields = doc.RootElement.GetProperty("fields").EnumerateObject()
                .Select(p => new KeyValuePair<string, ReadOnlyMemory<byte>>(
                    p.Name,
                    base64.Contains(p.Name) ? Convert.FromBase64String(p.Value.GetString()!) : Encoding.UTF8.GetBytes(p.Value.GetString()!)))
                .ToList();
            entries.Add(fields);
        }

        return entries;
    }

    /// <summary>The file and the v1 encoding of its payloads.</summary>
    public static TheoryData<string, NautilusEncoding> Files => new()
    {
        { JsonFile, NautilusEncoding.Json },
        { MsgpackFile, NautilusEncoding.Msgpack },
    };
}
