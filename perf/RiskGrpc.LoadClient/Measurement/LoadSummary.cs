namespace RiskGrpc.LoadClient.Measurement;

/// <summary>
/// The result of one load run, with the fields ghz reports (durations in nanoseconds, as ghz's JSON holds Go
/// <c>time.Duration</c> values) plus <see cref="FirstCallNanoseconds"/>, the OK-only figures and scenario counters.
/// </summary>
internal sealed record LoadSummary
{
    /// <summary>Why the run stopped: <c>duration</c>, <c>total</c>, <c>cancel</c> (ghz says <c>timeout</c>, <c>normal</c>, <c>cancel</c>).</summary>
    public string EndReason { get; init; } = "";

    /// <summary>When the run ended (from the injected <see cref="TimeProvider"/>); JSON <c>date</c>, RFC 3339.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Completed calls, successful and failed.</summary>
    public long Count { get; init; }

    /// <summary>Calls that ended with status OK.</summary>
    public long OkCount { get; init; }

    /// <summary>Wall time from the start of measurement to the completion of the last measured call.</summary>
    public long TotalNanoseconds { get; init; }

    /// <summary>Mean latency over every completed call (failed ones included, as ghz does).</summary>
    public long AverageNanoseconds { get; init; }

    /// <summary>Fastest OK call (0 when none succeeded).</summary>
    public long FastestNanoseconds { get; init; }

    /// <summary>Slowest OK call (0 when none succeeded).</summary>
    public long SlowestNanoseconds { get; init; }

    /// <summary><see cref="Count"/> / total seconds, ghz's definition (failed calls included).</summary>
    public double Rps { get; init; }

    /// <summary><see cref="OkCount"/> / total seconds: the rate of successful calls.</summary>
    public double OkRps { get; init; }

    /// <summary>Latency of the very first call (connection set-up and JIT included), when the scenario measured it.</summary>
    public long? FirstCallNanoseconds { get; init; }

    /// <summary>Percentiles of OK latencies (empty when nothing succeeded).</summary>
    public IReadOnlyList<LatencyPercentile> LatencyDistribution { get; init; } = [];

    /// <summary>ghz's response-time histogram of OK latencies: 11 marks from fastest to slowest in equal steps.</summary>
    public IReadOnlyList<LatencyBucket> Histogram { get; init; } = [];

    /// <summary>Completed calls per gRPC status name (ghz spelling).</summary>
    public IReadOnlyDictionary<string, long> StatusCodeDistribution { get; init; } = new Dictionary<string, long>();

    /// <summary>Failed calls per "Status: detail" text.</summary>
    public IReadOnlyDictionary<string, long> ErrorDistribution { get; init; } = new Dictionary<string, long>();

    /// <summary>Scenario-specific counters printed after the ghz fields, e.g. <c>lost</c> and <c>duplicated</c> for live streams.</summary>
    public IReadOnlyDictionary<string, long> Counters { get; init; } = new Dictionary<string, long>();

    /// <summary>Options of the run, echoed in JSON under <c>options</c> (ghz does the same).</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Latency at <paramref name="percentage"/>, or null when it was not reported.</summary>
    public long? Percentile(double percentage)
    {
        foreach (var row in LatencyDistribution)
        {
            if (row.Percentage.Equals(percentage))
            {
                return row.LatencyNanoseconds;
            }
        }

        return null;
    }
}
