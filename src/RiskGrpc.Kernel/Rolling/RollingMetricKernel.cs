namespace RiskGrpc.Kernel;

/// <summary>
/// Rolling-window metrics: destination[i] is the scalar metric of rows [i, i + window), so destination holds
/// n − window + 1 values (none when n &lt; window). Each value equals the <see cref="MetricKernel"/> metric on that window.
/// </summary>
public static class RollingMetricKernel
{
    /// <summary>Number of values a rolling series of <paramref name="window"/> over <paramref name="length"/> rows has.</summary>
    public static int OutputLength(int length, int window) => length >= window ? length - window + 1 : 0;

    /// <summary>Rolling annualised sharpe.</summary>
    public static void Sharpe(ReadOnlySpan<double> returns, int window, in MetricParameters parameters, Span<double> destination) => throw new NotImplementedException();

    /// <summary>Rolling annualised volatility.</summary>
    public static void Volatility(ReadOnlySpan<double> returns, int window, in MetricParameters parameters, Span<double> destination) => throw new NotImplementedException();

    /// <summary>Rolling sortino.</summary>
    public static void Sortino(ReadOnlySpan<double> returns, int window, in MetricParameters parameters, Span<double> destination) => throw new NotImplementedException();

    /// <summary>Rolling maximum drawdown, wealth restarting at 1 at each window start.</summary>
    public static void MaxDrawdown(ReadOnlySpan<double> returns, int window, Span<double> destination) => throw new NotImplementedException();

    /// <summary>Rolling beta against the benchmark.</summary>
    public static void Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, int window, Span<double> destination) => throw new NotImplementedException();
}
