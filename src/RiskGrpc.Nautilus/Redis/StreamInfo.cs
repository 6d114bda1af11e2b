namespace RiskGrpc.Nautilus.Redis;

/// <summary>
/// What <c>XINFO STREAM</c> says about retention: length, first retained entry, the largest id removed by <c>XDEL</c>
/// and the count of entries ever added (both Redis ≥ 7.0; null before), and the last generated id.
/// <see cref="Exists"/> is false when the key is gone. Note that <c>XTRIM</c> does not move max-deleted-entry-id: a
/// trim shows only as entries-added exceeding what is retained or was read.
/// </summary>
internal sealed record StreamInfo(bool Exists, long Length, StreamId? FirstEntry, StreamId? MaxDeleted, long? EntriesAdded, StreamId LastGenerated)
{
    /// <summary>A missing key.</summary>
    public static StreamInfo Missing { get; } = new(false, 0, null, null, 0, StreamId.Zero);

    /// <summary>Entries ever removed (trimmed or deleted), or null on Redis &lt; 7.0.</summary>
    public long? RemovedCount => EntriesAdded - Length;

    /// <summary>
    /// For a reader starting with no state: true when the retained window is not the whole history (something was
    /// removed), so state rebuilt from it may be incomplete. On Redis &lt; 7.0, when the first retained entry is newer
    /// than <paramref name="checkpoint"/>.
    /// </summary>
    public bool IsHistoryIncomplete(StreamId checkpoint) => RemovedCount is { } removed
        ? removed > 0
        : FirstEntry is { } first && checkpoint > StreamId.Zero && first > checkpoint;

    /// <summary>
    /// True when entries after <paramref name="lastRead"/> certainly cannot be read any more: removed with
    /// <c>XDEL</c>, or the stream was recreated behind the reader (a Redis restart without persistence). On Redis
    /// &lt; 7.0, also when the first retained entry is newer than <paramref name="lastRead"/> (a suspected trim).
    /// </summary>
    public bool HasGapAfter(StreamId lastRead)
    {
        if (IsResetBehind(lastRead))
        {
            return true;
        }

        if (MaxDeleted is { } deleted && deleted > lastRead)
        {
            return true;
        }

        return EntriesAdded is null && FirstEntry is { } first && first > lastRead && lastRead > StreamId.Zero;
    }

    /// <summary>True when the stream was recreated behind <paramref name="lastRead"/>, so reading must restart at 0-0.</summary>
    public bool IsResetBehind(StreamId lastRead) => lastRead > StreamId.Zero && (!Exists || LastGenerated < lastRead);
}
