namespace RiskGrpc.LoadClient.Measurement;

/// <summary>One row of the latency distribution: <paramref name="Percentage"/> of OK calls took at most <paramref name="LatencyNanoseconds"/>.</summary>
internal readonly record struct LatencyPercentile(double Percentage, long LatencyNanoseconds);
