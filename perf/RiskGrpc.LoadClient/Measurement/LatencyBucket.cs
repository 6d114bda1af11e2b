namespace RiskGrpc.LoadClient.Measurement;

/// <summary>
/// One bar of ghz's response-time histogram: <paramref name="Count"/> OK calls took more than the previous bucket's
/// mark and at most <paramref name="MarkNanoseconds"/>; <paramref name="Frequency"/> is that count over all OK calls.
/// </summary>
internal readonly record struct LatencyBucket(long MarkNanoseconds, long Count, double Frequency);
