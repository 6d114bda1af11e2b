namespace RiskGrpc.Kernel;

/// <summary>
/// Benchmark-relative metrics of returns r against benchmark b (same length, finite, rows already aligned).
/// Pure and allocation-free: the caller supplies scratch of at least <see cref="ScratchLength"/> doubles.
/// </summary>
public static class RelativeMetricKernel
{
    /// <summary>Scratch doubles <see cref="Compute"/> needs for series of length <paramref name="length"/>.</summary>
    public static int ScratchLength(int length) => (2 * length) + 16;

    /// <summary>Computes every benchmark-relative metric of the catalogue.</summary>
    /// <exception cref="ArgumentException">Lengths differ or scratch too short.</exception>
    public static void Compute(
        ReadOnlySpan<double> returns,
        ReadOnlySpan<double> benchmark,
        in MetricParameters parameters,
        Span<double> scratch,
        out RelativeMetrics metrics)
    {
        throw new NotImplementedException();
    }
}
