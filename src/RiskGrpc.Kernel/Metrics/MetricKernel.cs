namespace RiskGrpc.Kernel;

/// <summary>
/// The returns-only metric catalogue over one series of simple returns. Pure, allocation-free: the caller supplies
/// scratch of at least <see cref="ScratchLength"/> doubles. Inputs must be finite (the caller applies the NaN policy).
/// </summary>
public static partial class MetricKernel
{
    /// <summary>Scratch doubles <see cref="Compute"/> needs for a series of length <paramref name="length"/>.</summary>
    public static int ScratchLength(int length) => (2 * length) + 16;

    /// <summary>
    /// Computes every returns-only metric into <paramref name="metrics"/> and, for each confidence level c in
    /// <paramref name="confidenceLevels"/>, the tail-risk metrics into <paramref name="tailRisk"/>[i].
    /// An empty series gives NaN everywhere (counts 0).
    /// </summary>
    /// <exception cref="ArgumentException">Scratch or tail-risk destination too short.</exception>
    public static void Compute(
        ReadOnlySpan<double> returns,
        in MetricParameters parameters,
        ReadOnlySpan<double> confidenceLevels,
        Span<double> scratch,
        out ReturnMetrics metrics,
        Span<TailRiskMetrics> tailRisk)
    {
        throw new NotImplementedException();
    }
}
