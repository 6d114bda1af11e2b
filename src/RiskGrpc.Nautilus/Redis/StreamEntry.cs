namespace RiskGrpc.Nautilus.Redis;

/// <summary>One entry read from a stream: its key, id and fields in their stored order.</summary>
internal sealed record StreamEntry(string Key, StreamId Id, IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> Fields);
