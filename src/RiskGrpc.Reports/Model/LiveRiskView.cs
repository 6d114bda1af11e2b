using RiskGrpc.Engine.Live;

namespace RiskGrpc.Reports.Model;

/// <summary>
/// The live-risk state of a <c>LiveRiskService</c> portfolio at report time (its rolling window, not the report's
/// series): what the live engine last published for <see cref="PortfolioId"/>.
/// </summary>
public sealed record LiveRiskView(
    string PortfolioId,
    DateTimeOffset AsOf,
    ulong LastAppliedSequence,
    int WindowObservations,
    double Volatility,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    double CurrentDrawdown,
    double? Beta,
    double? VarHistorical,
    double? CvarHistorical,
    double? VarCornishFisher,
    double? GrossExposure,
    double? NetExposure,
    double? TotalPnl,
    int? OpenPositions)
{
    /// <summary>A copy of <paramref name="s"/> (the snapshot object is reused by the engine).</summary>
    public static LiveRiskView From(LiveRiskSnapshot s)
    {
        ArgumentNullException.ThrowIfNull(s);
        LiveTailRisk? tail = s.TailRiskCount > 0 ? s.TailRisk[0] : null;
        return new LiveRiskView(
            s.PortfolioId, s.AsOf, s.LastAppliedSequence, s.WindowObservations, s.Volatility, s.Sharpe, s.Sortino, s.MaxDrawdown, s.CurrentDrawdown,
            s.HasBenchmark ? s.Beta : null, tail?.VarHistorical, tail?.CvarHistorical, tail?.VarCornishFisher,
            s.IsPositionPortfolio ? s.GrossExposure : null, s.IsPositionPortfolio ? s.NetExposure : null,
            s.IsPositionPortfolio ? s.TotalPnl : null, s.IsPositionPortfolio ? s.OpenPositions : null);
    }
}
