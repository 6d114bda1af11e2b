namespace RiskGrpc.Nautilus.Redis;

/// <summary>
/// What <c>XINFO STREAM</c> says about retention: the first retained entry, the largest id ever deleted (Redis ≥ 7.0;
/// null before) and the last generated id. <see cref="Exists"/> is false when the key is gone.
/// </summary>
internal sealed record StreamInfo(bool Exists, StreamId? FirstEntry, StreamId? MaxDeleted, StreamId LastGenerated)
{
    /// <summary>A missing key.</summary>
    public static StreamInfo Missing { get; } = new(false, null, null, StreamId.Zero);

    /// <summary>
    /// True when entries after <paramref name="lastRead"/> can no longer be read: deleted (trimmed), or the stream was
    /// recreated (its last id is behind ours, e.g. a Redis restart without persistence).
    /// </summary>
    public bool HasGapAfter(StreamId lastRead)
    {
        if (!Exists || LastGenerated < lastRead)
        {
            return lastRead > StreamId.Zero;
        }

        if (MaxDeleted is { } deleted)
        {
            return deleted > lastRead;
        }

        // Redis < 7.0 reports no max-deleted id: a first entry after ours means something in between may be gone.
        return FirstEntry is { } first && first > lastRead && lastRead > StreamId.Zero;
    }

    /// <summary>True when the stream was recreated behind <paramref name="lastRead"/>, so reading must restart at 0-0.</summary>
    public bool IsResetBehind(StreamId lastRead) => lastRead > StreamId.Zero && (!Exists || LastGenerated < lastRead);
}
