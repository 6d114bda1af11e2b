namespace RiskGrpc.Engine.Live;

/// <summary>An event that was not applied, reported to the stream that sent it.</summary>
/// <param name="PortfolioId">The portfolio the event was for.</param>
/// <param name="Sequence">The event's sequence.</param>
/// <param name="Reason">Why.</param>
/// <param name="Message">Detail, starting with the reason's <see cref="StatusNameOf"/>.</param>
/// <param name="SequenceConsumed">True when the event used up its sequence (next is sequence + 1).</param>
public readonly record struct LiveEventError(
    string PortfolioId,
    ulong Sequence,
    LiveEventErrorReason Reason,
    string Message,
    bool SequenceConsumed)
{
    /// <summary>The gRPC status code name of a reason.</summary>
    public static string StatusNameOf(LiveEventErrorReason reason) => reason switch
    {
        LiveEventErrorReason.InvalidArgument => "INVALID_ARGUMENT",
        LiveEventErrorReason.UnknownInstrument => "NOT_FOUND",
        LiveEventErrorReason.OutOfOrder => "OUT_OF_RANGE",
        LiveEventErrorReason.WriterConflict => "FAILED_PRECONDITION",
        LiveEventErrorReason.WrongPortfolioKind => "FAILED_PRECONDITION",
        LiveEventErrorReason.LimitExceeded => "RESOURCE_EXHAUSTED",
        LiveEventErrorReason.Internal => "INTERNAL",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "No status for this reason."),
    };

    internal static LiveEventError Create(in LiveEvent evt, LiveEventErrorReason reason, string detail, bool consumed) =>
        new(evt.PortfolioId, evt.Sequence, reason, $"{StatusNameOf(reason)}: {detail}", consumed);
}
