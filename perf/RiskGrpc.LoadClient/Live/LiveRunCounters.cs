using System.Collections.Concurrent;

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

    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public void RecordError(string message)
    {
        if (Errors.Count < 32 || Errors.ContainsKey(message))
        {
            Errors.AddOrUpdate(message, 1, static (_, n) => n + 1);
        }
    }
}
