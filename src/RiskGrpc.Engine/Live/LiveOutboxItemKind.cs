namespace RiskGrpc.Engine.Live;

/// <summary>What a <see cref="LiveOutboxItem"/> carries.</summary>
public enum LiveOutboxItemKind
{
    /// <summary>Not used.</summary>
    Unspecified = 0,

    /// <summary>A risk update: take it with <see cref="LiveSubscription.TakeLatest"/> (latest wins).</summary>
    Update,

    /// <summary>An <see cref="LiveEventError"/>.</summary>
    Error,

    /// <summary>A <see cref="LiveAcknowledgement"/>.</summary>
    Acknowledgement,

    /// <summary>The host is stopping: the client should stop sending and half-close (see <see cref="LiveSession.AnnounceDraining"/>).</summary>
    Draining,
}
