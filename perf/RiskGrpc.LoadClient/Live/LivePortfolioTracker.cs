using System.Diagnostics;
using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Live;

/// <summary>
/// One portfolio's bookkeeping: send time per sequence and the highest sequence any update acknowledged. An
/// update that does not advance the acknowledged sequence, or whose observation count exceeds what was sent,
/// means an event was applied twice; a sent sequence never acknowledged by the end is lost.
/// </summary>
internal sealed class LivePortfolioTracker
{
    private readonly long[] _sentAt;
    private long _lastSent;
    private long _acknowledged;

    public LivePortfolioTracker(string id, int capacity)
    {
        Id = id;
        _sentAt = new long[capacity + 1];
    }

    public string Id { get; }

    public int Capacity => _sentAt.Length - 1;

    /// <summary>Sequences before this one (configuration, warmup) are not measured.</summary>
    public long MeasureFrom { get; set; } = long.MaxValue;

    public long LastSent => Volatile.Read(ref _lastSent);

    public long Acknowledged => Volatile.Read(ref _acknowledged);

    public long Duplicated { get; private set; }

    public long NextSequence() => Volatile.Read(ref _lastSent) + 1;

    public void MarkSent(long sequence, long timestamp)
    {
        _sentAt[sequence] = timestamp;
        Volatile.Write(ref _lastSent, sequence);
    }

    /// <summary>Records an acknowledgement up to <paramref name="sequence"/>; calls <paramref name="latency"/> for each newly covered measured sequence.</summary>
    public void Acknowledge(long sequence, long receivedAt, Action<long> latency)
    {
        var previous = Volatile.Read(ref _acknowledged);
        if (sequence <= previous)
        {
            Duplicated++;
            return;
        }

        for (var s = previous + 1; s <= sequence; s++)
        {
            if (s >= MeasureFrom && s < _sentAt.Length)
            {
                latency(LatencyRecorder.TicksToNanoseconds(receivedAt - _sentAt[s]));
            }
        }

        Volatile.Write(ref _acknowledged, sequence);
    }

    /// <summary>Flags an update whose observation count says more events were applied than were sent.</summary>
    public void CheckObservations(long sequence, long totalObservations, long unsequencedPrefix)
    {
        var expected = sequence - unsequencedPrefix;
        if (totalObservations > expected)
        {
            Duplicated += totalObservations - expected;
        }
    }
}
