namespace RiskGrpc.Kernel;

/// <summary>Wealth, underwater series and drawdown episodes of a return series (W_0 = 1, peak_t = max(1, max W)).</summary>
/// <remarks>
/// An episode starts on the first row with W_t below the running peak (peak index = the row before, −1 when the series
/// is underwater from row 0, where the peak is the initial capital) and ends on the first row where W regains the
/// peak (dd = 0 exactly). <see cref="MetricKernel"/> derives drawdown_count and the duration statistics from the same
/// definition. Allocation-free; inputs must be finite.
/// </remarks>
public static class DrawdownAnalyzer
{
    /// <summary>destination[t] = W_t − 1, W_t = Π_{s≤t}(1 + r_s). Destination must be at least as long as the returns.</summary>
    /// <exception cref="ArgumentException">Destination shorter than the returns.</exception>
    public static void Cumulative(ReadOnlySpan<double> returns, Span<double> destination)
    {
        CheckDestination(returns.Length, destination);
        var w = 1.0;
        for (var t = 0; t < returns.Length; t++)
        {
            w *= 1 + returns[t];
            destination[t] = w - 1;
        }
    }

    /// <summary>destination[t] = dd_t = W_t / peak_t − 1 (≤ 0; exactly 0 at a new high). In-place use is allowed.</summary>
    /// <exception cref="ArgumentException">Destination shorter than the returns.</exception>
    public static void Underwater(ReadOnlySpan<double> returns, Span<double> destination)
    {
        CheckDestination(returns.Length, destination);
        double w = 1, peak = 1;
        for (var t = 0; t < returns.Length; t++)
        {
            w *= 1 + returns[t];
            if (w >= peak)
            {
                peak = w;
                destination[t] = 0;
            }
            else
            {
                destination[t] = (w / peak) - 1;
            }
        }
    }

    /// <summary>
    /// Writes the deepest <c>destination.Length</c> episodes, deepest first (ties: earlier first), and returns how many
    /// were written. Valley = the first row of the episode's minimum dd; Length = recovery − peak, or (n − 1) − peak
    /// when not recovered. An empty series or empty destination writes nothing.
    /// </summary>
    public static int Episodes(ReadOnlySpan<double> returns, Span<DrawdownEpisode> destination)
    {
        var written = 0;
        double w = 1, peak = 1, valley = 0;
        int peakIndex = -1, valleyIndex = -1;
        var under = false;
        for (var t = 0; t < returns.Length; t++)
        {
            w *= 1 + returns[t];
            if (w >= peak)
            {
                if (under)
                {
                    under = false;
                    Insert(destination, ref written, new DrawdownEpisode(peakIndex, valleyIndex, t, valley, t - peakIndex));
                }

                peak = w;
                peakIndex = t;
                continue;
            }

            var dd = (w / peak) - 1;
            if (!under || dd < valley)
            {
                under = true;
                valley = dd;
                valleyIndex = t;
            }
        }

        if (under)
        {
            Insert(destination, ref written, new DrawdownEpisode(peakIndex, valleyIndex, -1, valley, returns.Length - 1 - peakIndex));
        }

        return written;
    }

    /// <summary>Keeps destination[..written] sorted deepest first; a tie goes after the earlier episodes already there.</summary>
    private static void Insert(Span<DrawdownEpisode> destination, ref int written, DrawdownEpisode episode)
    {
        var position = written;
        while (position > 0 && episode.Depth < destination[position - 1].Depth)
        {
            position--;
        }

        if (position >= destination.Length)
        {
            return;
        }

        var last = Math.Min(written, destination.Length - 1);
        for (var i = last; i > position; i--)
        {
            destination[i] = destination[i - 1];
        }

        destination[position] = episode;
        written = Math.Min(written + 1, destination.Length);
    }

    private static void CheckDestination(int length, ReadOnlySpan<double> destination)
    {
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination holds {destination.Length} values; {length} returns given", nameof(destination));
        }
    }
}
