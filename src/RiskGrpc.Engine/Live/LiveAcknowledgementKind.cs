namespace RiskGrpc.Engine.Live;

/// <summary>Why an acknowledgement was sent.</summary>
public enum LiveAcknowledgementKind
{
    /// <summary>Not used.</summary>
    Unspecified = 0,

    /// <summary>Attached to a portfolio the server did not know.</summary>
    AttachedNew,

    /// <summary>Attached to a portfolio with state; resend from last applied + 1.</summary>
    AttachedExisting,

    /// <summary>The event's sequence was already applied; it was not applied again.</summary>
    Duplicate,
}
