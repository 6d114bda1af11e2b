namespace RiskGrpc.Engine.Live;

/// <summary>One entry of a session's outbox, read by the stream's single writer loop.</summary>
public readonly struct LiveOutboxItem
{
    private LiveOutboxItem(LiveOutboxItemKind kind, LiveSubscription? subscription, LiveEventError error, LiveAcknowledgement acknowledgement)
    {
        Kind = kind;
        Subscription = subscription;
        Error = error;
        Acknowledgement = acknowledgement;
    }

    /// <summary>What the item carries.</summary>
    public LiveOutboxItemKind Kind { get; }

    /// <summary>For <see cref="LiveOutboxItemKind.Update"/>: the subscription holding the latest update.</summary>
    public LiveSubscription? Subscription { get; }

    /// <summary>For <see cref="LiveOutboxItemKind.Error"/>.</summary>
    public LiveEventError Error { get; }

    /// <summary>For <see cref="LiveOutboxItemKind.Acknowledgement"/>.</summary>
    public LiveAcknowledgement Acknowledgement { get; }

    internal static LiveOutboxItem ForUpdate(LiveSubscription subscription) => new(LiveOutboxItemKind.Update, subscription, default, default);

    internal static LiveOutboxItem ForError(in LiveEventError error) => new(LiveOutboxItemKind.Error, null, error, default);

    internal static LiveOutboxItem ForDraining() => new(LiveOutboxItemKind.Draining, null, default, default);

    internal static LiveOutboxItem ForAcknowledgement(in LiveAcknowledgement ack) => new(LiveOutboxItemKind.Acknowledgement, null, default, ack);
}
