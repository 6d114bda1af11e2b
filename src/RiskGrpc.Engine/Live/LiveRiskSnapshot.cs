namespace RiskGrpc.Engine.Live;

/// <summary>
/// The risk of one portfolio after its last applied event. Mutable and reused: the engine writes a portfolio's
/// snapshot in place and each subscriber copies it into its own slot, so publishing allocates nothing.
/// Metrics outside <see cref="Selection"/> hold stale or NaN values and must not be sent.
/// </summary>
public sealed class LiveRiskSnapshot
{
    private readonly LiveTailRisk[] _tailRisk = new LiveTailRisk[LiveRiskSettings.MaxConfidenceLevels];

    /// <summary>The portfolio.</summary>
    public string PortfolioId { get; internal set; } = string.Empty;

    /// <summary>Every event with a sequence ≤ this one has been applied or rejected.</summary>
    public ulong LastAppliedSequence { get; internal set; }

    /// <summary>Timestamp of the last applied event.</summary>
    public DateTimeOffset AsOf { get; internal set; }

    /// <summary>Observations in the window.</summary>
    public int WindowObservations { get; internal set; }

    /// <summary>Return observations applied since the portfolio was created.</summary>
    public long TotalObservations { get; internal set; }

    /// <summary>Metric groups this snapshot carries.</summary>
    public LiveMetricSelection Selection { get; internal set; }

    /// <summary>sd(r)·√A.</summary>
    public double Volatility { get; internal set; }

    /// <summary>mean(e)/sd(e)·√A.</summary>
    public double Sharpe { get; internal set; }

    /// <summary>mean(e)·√A / √(mean min(e,0)²).</summary>
    public double Sortino { get; internal set; }

    /// <summary>Max drawdown over the window (≤ 0).</summary>
    public double MaxDrawdown { get; internal set; }

    /// <summary>Drawdown at the last observation (≤ 0).</summary>
    public double CurrentDrawdown { get; internal set; }

    /// <summary>True once the portfolio has streamed a benchmark return; <see cref="Beta"/> is meaningful only then.</summary>
    public bool HasBenchmark { get; internal set; }

    /// <summary>cov(r, b)/var(b) over window rows with a benchmark.</summary>
    public double Beta { get; internal set; }

    /// <summary>Number of entries in <see cref="TailRisk"/>.</summary>
    public int TailRiskCount { get; internal set; }

    /// <summary>VaR and CVaR per confidence level, <see cref="TailRiskCount"/> entries.</summary>
    public ReadOnlySpan<LiveTailRisk> TailRisk => _tailRisk.AsSpan(0, TailRiskCount);

    /// <summary>True for a position-defined portfolio; the exposure and P&amp;L members are meaningful only then.</summary>
    public bool IsPositionPortfolio { get; internal set; }

    /// <summary>Σ |quantity·mark|.</summary>
    public double GrossExposure { get; internal set; }

    /// <summary>Σ quantity·mark.</summary>
    public double NetExposure { get; internal set; }

    /// <summary>cash + Σ quantity·mark.</summary>
    public double TotalPnl { get; internal set; }

    /// <summary>P&amp;L of the last applied event.</summary>
    public double PeriodPnl { get; internal set; }

    /// <summary>Instruments with a non-zero quantity.</summary>
    public int OpenPositions { get; internal set; }

    /// <summary>Receipt of the last applied event to the publication of this snapshot.</summary>
    public TimeSpan ProcessingTime { get; internal set; }

    /// <summary>Updates this subscriber missed because newer ones replaced them (set on the subscriber's copy).</summary>
    public long CoalescedUpdates { get; internal set; }

    internal Span<LiveTailRisk> TailRiskBuffer => _tailRisk;

    /// <summary>Copies every member into <paramref name="destination"/>.</summary>
    public void CopyTo(LiveRiskSnapshot destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.PortfolioId = PortfolioId;
        destination.LastAppliedSequence = LastAppliedSequence;
        destination.AsOf = AsOf;
        destination.WindowObservations = WindowObservations;
        destination.TotalObservations = TotalObservations;
        destination.Selection = Selection;
        destination.Volatility = Volatility;
        destination.Sharpe = Sharpe;
        destination.Sortino = Sortino;
        destination.MaxDrawdown = MaxDrawdown;
        destination.CurrentDrawdown = CurrentDrawdown;
        destination.HasBenchmark = HasBenchmark;
        destination.Beta = Beta;
        destination.TailRiskCount = TailRiskCount;
        _tailRisk.AsSpan(0, TailRiskCount).CopyTo(destination._tailRisk);
        destination.IsPositionPortfolio = IsPositionPortfolio;
        destination.GrossExposure = GrossExposure;
        destination.NetExposure = NetExposure;
        destination.TotalPnl = TotalPnl;
        destination.PeriodPnl = PeriodPnl;
        destination.OpenPositions = OpenPositions;
        destination.ProcessingTime = ProcessingTime;
        destination.CoalescedUpdates = CoalescedUpdates;
    }
}
