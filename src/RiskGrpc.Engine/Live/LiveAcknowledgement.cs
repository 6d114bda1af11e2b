namespace RiskGrpc.Engine.Live;

/// <summary>Tells a writer where a portfolio stands.</summary>
/// <param name="PortfolioId">The portfolio.</param>
/// <param name="LastAppliedSequence">Every event ≤ this sequence has been applied or rejected.</param>
/// <param name="Kind">Why it was sent.</param>
/// <param name="Sequence">The sequence of the event that caused it (0 for an attach).</param>
public readonly record struct LiveAcknowledgement(
    string PortfolioId,
    ulong LastAppliedSequence,
    LiveAcknowledgementKind Kind,
    ulong Sequence);
