namespace RiskGrpc.Kernel;

/// <summary>
/// Results of the passes over the wealth path (<see cref="MetricKernel"/>): wealth, drawdowns, drawdown episodes,
/// stability, and the win/loss runs (from the sum pass's bitmaps).
/// </summary>
internal struct PathSums
{
    /// <summary>W_n.</summary>
    public double FinalWealth;

    /// <summary>Σ ln W_t.</summary>
    public double LogWealthSum;

    /// <summary>R² of ln W_t on t (stability).</summary>
    public double Stability;

    /// <summary>min_t dd_t.</summary>
    public double MaxDrawdown;

    /// <summary>Σ dd_t.</summary>
    public double DrawdownSum;

    /// <summary>Σ dd_t².</summary>
    public double DrawdownSquares;

    /// <summary>Number of drawdown episodes.</summary>
    public int EpisodeCount;

    /// <summary>Longest episode length in periods.</summary>
    public int LongestEpisode;

    /// <summary>Σ episode lengths.</summary>
    public long EpisodeLengthSum;

    /// <summary>Σ episode depths (≤ 0).</summary>
    public double EpisodeDepthSum;

    /// <summary>Longest run of r &gt; 0.</summary>
    public int LongestWinRun;

    /// <summary>Longest run of r &lt; 0.</summary>
    public int LongestLossRun;
}
