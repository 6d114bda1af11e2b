namespace RiskGrpc.Reports;

/// <summary>
/// Seeded SplitMix64 generator (Steele, Lea, Flood 2014) for the bootstrap: a few nanoseconds per draw, where the
/// seeded <see cref="Random"/> (its legacy algorithm) costs an order of magnitude more; same seed, same report.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>Uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-shift (bias below 2^-32 for bound &lt; 2^32).</summary>
    public int Next(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);

    private ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
