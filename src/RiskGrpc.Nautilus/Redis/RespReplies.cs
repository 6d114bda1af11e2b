using StackExchange.Redis;

namespace RiskGrpc.Nautilus.Redis;

/// <summary>
/// Parses raw replies of <c>XREAD</c>, <c>XRANGE</c>, <c>XINFO STREAM</c> and <c>SCAN</c> in both protocols. RESP3
/// answers <c>XREAD</c> and <c>XINFO</c> with maps where RESP2 has arrays; SE.Redis exposes a map as its flattened
/// key/value array, so both shapes read the same once the outer form is known.
/// </summary>
internal static class RespReplies
{
    /// <summary>Entries of an <c>XREAD</c> reply (null reply: none), in reply order.</summary>
    public static List<StreamEntry> ParseXRead(RedisResult reply)
    {
        var entries = new List<StreamEntry>();
        if (reply.IsNull)
        {
            return entries;
        }

        var items = (RedisResult[])reply!;
        if (reply.Resp3Type == ResultType.Map)
        {
            // Flattened: key, entries, key, entries, …
            for (var i = 0; i + 1 < items.Length; i += 2)
            {
                AddEntries(entries, (string)items[i]!, items[i + 1]);
            }
        }
        else
        {
            foreach (var pair in items)
            {
                var kv = (RedisResult[])pair!;
                AddEntries(entries, (string)kv[0]!, kv[1]);
            }
        }

        return entries;
    }

    /// <summary>Entries of an <c>XRANGE</c> reply.</summary>
    public static List<StreamEntry> ParseXRange(string key, RedisResult reply)
    {
        var entries = new List<StreamEntry>();
        AddEntries(entries, key, reply);
        return entries;
    }

    /// <summary>The retention facts of an <c>XINFO STREAM</c> reply.</summary>
    public static StreamInfo ParseXInfo(RedisResult reply)
    {
        var items = (RedisResult[])reply!;
        StreamId? first = null, maxDeleted = null;
        long? added = null;
        long length = 0;
        var lastGenerated = StreamId.Zero;
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            var value = items[i + 1];
            switch ((string)items[i]!)
            {
                case "first-entry" when !value.IsNull:
                    first = StreamId.Parse((string)((RedisResult[])value!)[0]!);
                    break;
                case "max-deleted-entry-id":
                    maxDeleted = StreamId.Parse((string)value!);
                    break;
                case "length":
                    length = (long)value;
                    break;
                case "entries-added":
                    added = (long)value;
                    break;
                case "last-generated-id":
                    lastGenerated = StreamId.Parse((string)value!);
                    break;
            }
        }

        return new StreamInfo(true, length, first, maxDeleted, added, lastGenerated);
    }

    /// <summary>The next cursor and the keys of a <c>SCAN</c> reply.</summary>
    public static (string Cursor, string[] Keys) ParseScan(RedisResult reply)
    {
        var items = (RedisResult[])reply!;
        return ((string)items[0]!, (string[])items[1]!);
    }

    private static void AddEntries(List<StreamEntry> entries, string key, RedisResult list)
    {
        if (list.IsNull)
        {
            return;
        }

        foreach (var raw in (RedisResult[])list!)
        {
            var entry = (RedisResult[])raw!;
            var values = (RedisResult[])entry[1]!;
            var fields = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>(values.Length / 2);
            for (var i = 0; i + 1 < values.Length; i += 2)
            {
                fields.Add(new KeyValuePair<string, ReadOnlyMemory<byte>>((string)values[i]!, (byte[])values[i + 1]! ?? []));
            }

            entries.Add(new StreamEntry(key, StreamId.Parse((string)entry[0]!), fields));
        }
    }
}
