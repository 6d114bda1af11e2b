namespace RiskGrpc.Nautilus.Redis;

/// <summary>
/// The reader's position in one stream and its gap accounting: <see cref="Accounted"/> is the stream's
/// <c>entries-added</c> at a moment when every entry added so far had been read or was already gone before the reader
/// started, and <see cref="ReadSinceAccounted"/> the entries read since. When the reader is caught up (the last
/// generated id is the last one read), entries-added − accounted − read is the number of entries it never saw.
/// </summary>
internal sealed class StreamProgress
{
    /// <summary>The last entry read.</summary>
    public StreamId LastRead { get; set; }

    /// <summary>entries-added already accounted for; null when unknown (Redis &lt; 7.0).</summary>
    public long? Accounted { get; set; }

    /// <summary>Entries read since <see cref="Accounted"/> was taken.</summary>
    public long ReadSinceAccounted { get; set; }

    /// <summary>Starts accounting before a replay: what was removed before the reader started is not a gap of its own.</summary>
    public void Begin(StreamInfo info)
    {
        Accounted = info.RemovedCount;
        ReadSinceAccounted = 0;
    }

    /// <summary>
    /// Compares with <paramref name="info"/>, taken while the reader is idle; true when entries after the last read one
    /// were lost. Starts reading at 0-0 again when the stream was recreated behind it.
    /// </summary>
    public bool DetectGap(StreamInfo info)
    {
        if (info.HasGapAfter(LastRead))
        {
            if (info.IsResetBehind(LastRead))
            {
                LastRead = StreamId.Zero;
            }

            Begin(info);
            return true;
        }

        if (info.EntriesAdded is not { } added || info.LastGenerated != LastRead)
        {
            // Entries are pending (or Redis < 7.0): the count cannot be compared now.
            return false;
        }

        var lost = Accounted is { } accounted && added - accounted > ReadSinceAccounted;
        Accounted = added;
        ReadSinceAccounted = 0;
        return lost;
    }
}
