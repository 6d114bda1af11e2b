using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using HdrHistogram;

namespace RiskGrpc.LoadClient.Measurement;

/// <summary>
/// Thread-safe record of call outcomes: an HdrHistogram of successful latencies in nanoseconds (3 significant
/// digits, 1 ns .. 1 h), exact fastest/slowest/sum, and counts per gRPC status. Shared by every scenario (unary,
/// live, …): any number of workers call <see cref="Record(StatusCode, long, string?)"/> concurrently, then one
/// thread calls <see cref="ToSummary"/>.
/// </summary>
/// <remarks>
/// Follows ghz's reporter: <c>count</c> and <c>average</c> cover every completed call, failed ones included;
/// fastest, slowest and the latency distribution cover successful (OK) calls only, so an error is never counted
/// as a success.
/// </remarks>
internal sealed class LatencyRecorder
{
    /// <summary>Highest latency the histogram tracks (1 hour, in nanoseconds); larger values are clamped.</summary>
    public const long HighestTrackableNanoseconds = 3_600_000_000_000;

    /// <summary>The percentiles reported, as ghz reports them plus 99.9.</summary>
    public static readonly IReadOnlyList<double> ReportedPercentiles = [10, 25, 50, 75, 90, 95, 99, 99.9];

    private const int MaxDistinctErrors = 32;
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    private readonly LongConcurrentHistogram _okHistogram = new(1, HighestTrackableNanoseconds, 3);
    private readonly long[] _statusCounts = new long[17];
    private readonly ConcurrentDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private long _count;
    private long _sumNanoseconds;
    private long _fastestOk = long.MaxValue;
    private long _slowestOk;

    /// <summary>Number of calls recorded, whatever their status.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Converts a <see cref="Stopwatch"/> tick interval to nanoseconds.</summary>
    public static long TicksToNanoseconds(long ticks) => (long)(ticks * NanosecondsPerTick);

    /// <summary>Records a call that took <paramref name="elapsedTicks"/> Stopwatch ticks.</summary>
    public void RecordTicks(StatusCode status, long elapsedTicks, string? errorDetail = null) =>
        Record(status, TicksToNanoseconds(elapsedTicks), errorDetail);

    /// <summary>Records one completed call. <paramref name="errorDetail"/> feeds the error distribution of non-OK calls.</summary>
    public void Record(StatusCode status, long latencyNanoseconds, string? errorDetail = null)
    {
        var value = Math.Clamp(latencyNanoseconds, 1, HighestTrackableNanoseconds);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumNanoseconds, value);
        var code = (int)status;
        Interlocked.Increment(ref _statusCounts[code is >= 0 and < 17 ? code : (int)StatusCode.Unknown]);
        if (status == StatusCode.OK)
        {
            _okHistogram.RecordValue(value);
            InterlockedMin(ref _fastestOk, value);
            InterlockedMax(ref _slowestOk, value);
            return;
        }

        var key = $"{StatusNames.Of(status)}: {errorDetail}";
        if (_errors.Count < MaxDistinctErrors || _errors.ContainsKey(key))
        {
            _errors.AddOrUpdate(key, 1, static (_, n) => n + 1);
        }
        else
        {
            _errors.AddOrUpdate("(other errors)", 1, static (_, n) => n + 1);
        }
    }

    /// <summary>
    /// Builds the summary of what was recorded over a run of wall time <paramref name="total"/>.
    /// <paramref name="counters"/> carries scenario-specific counts (e.g. <c>lost</c>, <c>duplicated</c>).
    /// </summary>
    public LoadSummary ToSummary(
        TimeSpan total,
        long? firstCallNanoseconds = null,
        string endReason = "",
        IReadOnlyDictionary<string, long>? counters = null)
    {
        var count = Count;
        var ok = Interlocked.Read(ref _statusCounts[(int)StatusCode.OK]);
        var statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < _statusCounts.Length; i++)
        {
            var n = Interlocked.Read(ref _statusCounts[i]);
            if (n > 0)
            {
                statuses[StatusNames.Of((StatusCode)i)] = n;
            }
        }

        var percentiles = new List<LatencyPercentile>(ReportedPercentiles.Count);
        if (ok > 0)
        {
            foreach (var p in ReportedPercentiles)
            {
                // HdrHistogram answers with the highest value equivalent (within 3 digits) to the recorded one; the
                // exact slowest caps it so p100-like answers never exceed what was seen.
                percentiles.Add(new LatencyPercentile(p, Math.Min(_okHistogram.GetValueAtPercentile(p), Interlocked.Read(ref _slowestOk))));
            }
        }

        var seconds = total.TotalSeconds;
        var histogram = ok > 0 ? Histogram(Interlocked.Read(ref _fastestOk), Interlocked.Read(ref _slowestOk), ok) : [];
        return new LoadSummary
        {
            EndReason = endReason,
            Count = count,
            OkCount = ok,
            TotalNanoseconds = (long)(total.Ticks * 100.0),
            AverageNanoseconds = count == 0 ? 0 : Interlocked.Read(ref _sumNanoseconds) / count,
            FastestNanoseconds = ok == 0 ? 0 : Interlocked.Read(ref _fastestOk),
            SlowestNanoseconds = ok == 0 ? 0 : Interlocked.Read(ref _slowestOk),
            Rps = seconds > 0 ? count / seconds : 0,
            OkRps = seconds > 0 ? ok / seconds : 0,
            FirstCallNanoseconds = firstCallNanoseconds,
            LatencyDistribution = percentiles,
            Histogram = histogram,
            StatusCodeDistribution = statuses,
            ErrorDistribution = new SortedDictionary<string, long>(_errors, StringComparer.Ordinal),
            Counters = counters ?? new Dictionary<string, long>(),
        };
    }

    /// <summary>Number of bars of the response-time histogram, as ghz draws it (plus the mark at the fastest call).</summary>
    public const int HistogramBuckets = 10;

    /// <summary>
    /// ghz's histogram (runner/reporter.go): marks at fastest + i·(slowest − fastest)/10 for i = 0..9 and slowest;
    /// each OK latency counts in the first bucket whose mark is at least the latency. Values come from the
    /// HdrHistogram (each at its bucket's lowest equivalent value, within 0.1 % below the recorded one, clamped to the
    /// exact fastest and slowest so that the fastest call lands on the first mark as in ghz).
    /// </summary>
    private LatencyBucket[] Histogram(long fastest, long slowest, long okCount)
    {
        var marks = new long[HistogramBuckets + 1];
        var step = (slowest - fastest) / (double)HistogramBuckets;
        for (var i = 0; i < HistogramBuckets; i++)
        {
            marks[i] = fastest + (long)(step * i);
        }

        marks[HistogramBuckets] = slowest;
        var counts = new long[marks.Length];
        var bucket = 0;
        foreach (var recorded in _okHistogram.RecordedValues())
        {
            var value = Math.Clamp(_okHistogram.LowestEquivalentValue(recorded.ValueIteratedTo), fastest, slowest);
            while (bucket < HistogramBuckets && value > marks[bucket])
            {
                bucket++;
            }

            counts[bucket] += recorded.CountAtValueIteratedTo;
        }

        var buckets = new LatencyBucket[marks.Length];
        for (var i = 0; i < marks.Length; i++)
        {
            buckets[i] = new LatencyBucket(marks[i], counts[i], counts[i] / (double)okCount);
        }

        return buckets;
    }

    private static void InterlockedMin(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value < current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
