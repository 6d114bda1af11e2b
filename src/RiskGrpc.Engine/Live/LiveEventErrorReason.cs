namespace RiskGrpc.Engine.Live;

/// <summary>Why an event was not applied; each maps to one gRPC status code (see <see cref="LiveEventError.StatusNameOf"/>).</summary>
public enum LiveEventErrorReason
{
    /// <summary>Not used.</summary>
    Unspecified = 0,

    /// <summary>A field is missing or out of range (INVALID_ARGUMENT).</summary>
    InvalidArgument,

    /// <summary>A mark for an instrument the portfolio never traded (NOT_FOUND).</summary>
    UnknownInstrument,

    /// <summary>The sequence is not last applied + 1 (OUT_OF_RANGE).</summary>
    OutOfOrder,

    /// <summary>Another stream is the portfolio's writer (FAILED_PRECONDITION).</summary>
    WriterConflict,

    /// <summary>Returns on a position portfolio or positions on a return portfolio (FAILED_PRECONDITION).</summary>
    WrongPortfolioKind,

    /// <summary>A server limit would be exceeded (RESOURCE_EXHAUSTED).</summary>
    LimitExceeded,

    /// <summary>A server fault while applying the event (INTERNAL); the portfolio state is unchanged.</summary>
    Internal,
}
