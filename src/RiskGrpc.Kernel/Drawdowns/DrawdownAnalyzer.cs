namespace RiskGrpc.Kernel;

/// <summary>Wealth, underwater series and drawdown episodes of a return series (W_0 = 1, peak_t = max(1, max W)).</summary>
public static class DrawdownAnalyzer
{
    /// <summary>destination[t] = W_t − 1. Destination must be at least as long as the returns.</summary>
    public static void Cumulative(ReadOnlySpan<double> returns, Span<double> destination) => throw new NotImplementedException();

    /// <summary>destination[t] = dd_t = W_t / peak_t − 1 (≤ 0).</summary>
    public static void Underwater(ReadOnlySpan<double> returns, Span<double> destination) => throw new NotImplementedException();

    /// <summary>
    /// Writes the deepest <c>destination.Length</c> episodes, deepest first (ties: earlier first), and returns how many
    /// were written.
    /// </summary>
    public static int Episodes(ReadOnlySpan<double> returns, Span<DrawdownEpisode> destination) => throw new NotImplementedException();
}
