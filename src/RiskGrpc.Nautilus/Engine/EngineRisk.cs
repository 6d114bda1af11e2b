using RiskGrpc.Engine.Live;

namespace RiskGrpc.Nautilus.Engine;

/// <summary>An immutable copy of the live risk engine's snapshot of one portfolio (what the publisher writes).</summary>
internal sealed record EngineRisk(
    ulong LastAppliedSequence,
    DateTimeOffset AsOf,
    int WindowObservations,
    long TotalObservations,
    LiveMetricSelection Selection,
    double Volatility,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    double CurrentDrawdown,
    bool HasBenchmark,
    double Beta,
    LiveTailRisk[] TailRisk,
    double GrossExposure,
    double NetExposure,
    double TotalPnl,
    TimeSpan ProcessingTime)
{
    /// <summary>Copies <paramref name="s"/>.</summary>
    public static EngineRisk From(LiveRiskSnapshot s) => new(
        s.LastAppliedSequence,
        s.AsOf,
        s.WindowObservations,
        s.TotalObservations,
        s.Selection,
        s.Volatility,
        s.Sharpe,
        s.Sortino,
        s.MaxDrawdown,
        s.CurrentDrawdown,
        s.HasBenchmark,
        s.Beta,
        s.TailRisk.ToArray(),
        s.GrossExposure,
        s.NetExposure,
        s.TotalPnl,
        s.ProcessingTime);
}
