using System.Collections.Concurrent;
using HdrHistogram;
using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Live;

/// <summary>Run-wide counters of the live scenario, updated with Interlocked from every stream.</summary>
internal sealed class LiveRunCounters
{
#pragma warning disable CA1051 // Fields, so that Interlocked can take them by reference.
    public long EventsSent;
    public long UpdatesReceived;
    public long CoalescedUpdates;
    public long EventErrors;
    public long Acknowledgements;
    public long StreamsFailed;
#pragma warning restore CA1051

    /// <summary>The server's own <c>processing_time</c> of updates received in the measured window, in nanoseconds:
    /// what of the end-to-end latency is spent inside the server (receipt of the event → publication).</summary>
    public LongConcurrentHistogram ServerProcessing { get; } = new(1, LatencyRecorder.HighestTrackableNanoseconds, 3);

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public void RecordError(string message)
    {
        // As LatencyRecorder does: past 32 distinct messages, further ones are still counted, under one key.
        var key = Errors.Count < 32 || Errors.ContainsKey(message) ? message : "(other errors)";
        Errors.AddOrUpdate(key, 1, static (_, n) => n + 1);
    }
}
