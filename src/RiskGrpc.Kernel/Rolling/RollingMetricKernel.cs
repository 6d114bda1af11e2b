namespace RiskGrpc.Kernel;

/// <summary>
/// Rolling-window metrics: destination[i] is the scalar metric of rows [i, i + window), so destination holds
/// n − window + 1 values (none when n &lt; window). Each value equals the <see cref="MetricKernel"/> (or, for beta,
/// <see cref="RelativeMetricKernel"/>) metric on that window, including its degenerate cases: a window whose excess
/// returns are all equal has sd = 0, so sharpe is ±Infinity (NaN when they are all 0) and volatility is 0.
/// </summary>
/// <remarks>
/// Moments slide in O(1) per row (see <see cref="SlidingMoments"/>: shifted compensated sums, re-anchored when the
/// window mean drifts), so the rolling moments agree with a per-window two-pass computation to about 1e-12 relative.
/// Rolling max drawdown is an O(n·w) per-window pass: wealth restarts at 1 at each window start, so there is no O(1)
/// update that reproduces the scalar product-by-product. Inputs must be finite (the caller applies the NaN policy).
/// Allocation-free. The destination must not overlap the inputs.
/// </remarks>
public static class RollingMetricKernel
{
    /// <summary>Number of values a rolling series of <paramref name="window"/> over <paramref name="length"/> rows has.</summary>
    public static int OutputLength(int length, int window) => length >= window ? length - window + 1 : 0;

    /// <summary>Rolling annualised sharpe: mean(e)/sd(e)·√A per window, e = r − rf_p, sd with n − 1.</summary>
    /// <exception cref="ArgumentException">Window &lt; 2, destination shorter than <see cref="OutputLength"/>, or overlapping the input.</exception>
    public static void Sharpe(ReadOnlySpan<double> returns, int window, in MetricParameters parameters, Span<double> destination)
    {
        Moments(returns, window, parameters.RiskFreePerPeriod, parameters, SlidingMoments.Output.Sharpe, destination);
    }

    /// <summary>Rolling annualised volatility: sd(r)·√A per window, sd with n − 1 (rf does not enter).</summary>
    /// <exception cref="ArgumentException">Window &lt; 2, destination shorter than <see cref="OutputLength"/>, or overlapping the input.</exception>
    public static void Volatility(ReadOnlySpan<double> returns, int window, in MetricParameters parameters, Span<double> destination)
    {
        Moments(returns, window, 0, parameters, SlidingMoments.Output.Volatility, destination);
    }

    /// <summary>
    /// Rolling sortino: mean(e)·√A / √(Σ min(e,0)² / w) per window, e = r − rf_p; a window without downside gives
    /// +Infinity when mean(e) &gt; 0 and NaN when every e is 0.
    /// </summary>
    /// <exception cref="ArgumentException">Window &lt; 2, destination shorter than <see cref="OutputLength"/>, or overlapping the input.</exception>
    public static void Sortino(ReadOnlySpan<double> returns, int window, in MetricParameters parameters, Span<double> destination)
    {
        Moments(returns, window, parameters.RiskFreePerPeriod, parameters, SlidingMoments.Output.Sortino, destination);
    }

    /// <summary>
    /// Rolling maximum drawdown (≤ 0): min over the window of W_t / max(1, max_{s≤t} W_s) − 1 with wealth restarting at
    /// 1 at each window start. O(n·w).
    /// </summary>
    /// <exception cref="ArgumentException">Window &lt; 2, destination shorter than <see cref="OutputLength"/>, or overlapping the input.</exception>
    public static void MaxDrawdown(ReadOnlySpan<double> returns, int window, Span<double> destination)
    {
        var count = Validate(returns, window, destination);

        // Four windows at a time: each keeps its own wealth chain, so the CPU overlaps four multiply/divide chains
        // instead of waiting on one. Every window still sees exactly the scalar's operations in the scalar's order.
        var i = 0;
        for (; i + 4 <= count; i += 4)
        {
            var block = returns.Slice(i, window + 3);
            DrawdownState s0 = new(), s1 = new(), s2 = new(), s3 = new();
            for (var t = 0; t < window; t++)
            {
                s0.Step(block[t]);
                s1.Step(block[t + 1]);
                s2.Step(block[t + 2]);
                s3.Step(block[t + 3]);
            }

            destination[i] = s0.Worst;
            destination[i + 1] = s1.Worst;
            destination[i + 2] = s2.Worst;
            destination[i + 3] = s3.Worst;
        }

        for (; i < count; i++)
        {
            var s = new DrawdownState();
            foreach (var r in returns.Slice(i, window))
            {
                s.Step(r);
            }

            destination[i] = s.Worst;
        }
    }

    /// <summary>
    /// Rolling beta against the benchmark: cov(r, b) / var(b) per window, population moments; NaN where the window's
    /// var(b) &lt; 1e-30 (empyrical's rule, so a constant benchmark window gives NaN).
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ, window &lt; 2, destination shorter than <see cref="OutputLength"/>, or overlapping an input.</exception>
    public static void Beta(ReadOnlySpan<double> returns, ReadOnlySpan<double> benchmark, int window, Span<double> destination)
    {
        if (returns.Length != benchmark.Length)
        {
            SeriesArgumentErrors.LengthMismatch(nameof(benchmark), returns.Length, benchmark.Length);
        }

        if (destination.Overlaps(benchmark))
        {
            SeriesArgumentErrors.Overlap(nameof(destination));
        }

        var count = Validate(returns, window, destination);
        if (count == 0)
        {
            return;
        }

        var moments = new SlidingCoMoments(returns, benchmark, window);
        for (var i = 0; ; i++)
        {
            var m2b = moments.M2B;
            destination[i] = m2b / window >= PairMoments.MinBenchmarkVariance ? moments.CoMoment / m2b : double.NaN;
            if (i == count - 1)
            {
                break;
            }

            moments.Advance();
        }
    }

    private static void Moments(
        ReadOnlySpan<double> returns, int window, double offset, in MetricParameters parameters, SlidingMoments.Output output, Span<double> destination)
    {
        if (Validate(returns, window, destination) > 0)
        {
            SlidingMoments.Run(returns, window, offset, Math.Sqrt(parameters.PeriodsPerYear), output, destination);
        }
    }

    private static int Validate(ReadOnlySpan<double> returns, int window, Span<double> destination)
    {
        if (window < 2)
        {
            throw new ArgumentException($"Window must be at least 2, got {window}.", nameof(window));
        }

        var count = OutputLength(returns.Length, window);
        if (destination.Length < count)
        {
            SeriesArgumentErrors.TooShort(nameof(destination), count, destination.Length);
        }

        if (destination.Overlaps(returns))
        {
            SeriesArgumentErrors.Overlap(nameof(destination));
        }

        return count;
    }
}
