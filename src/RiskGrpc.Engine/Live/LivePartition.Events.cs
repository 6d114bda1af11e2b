namespace RiskGrpc.Engine.Live;

/// <summary>Event application: writer role, sequence rules, validation, state change, publication.</summary>
internal sealed partial class LivePartition
{
    private void Process(LiveSession session, in LiveEvent evt)
    {
        if (evt.Kind == LiveEventKind.Snapshot)
        {
            SendSnapshot(session, GetOrCreate(evt.PortfolioId));
            return;
        }

        if (evt.Kind == LiveEventKind.Unspecified)
        {
            Reject(session, evt, LiveEventErrorReason.InvalidArgument, "the event carries no payload", consumed: false);
            return;
        }

        var state = GetOrCreate(evt.PortfolioId);
        if (!TryClaimWriter(session, state, evt))
        {
            return;
        }

        state.LastActivityTimestamp = _time.GetTimestamp();
        if (evt.Kind == LiveEventKind.Attach)
        {
            var kind = state.LastSequence == 0 ? LiveAcknowledgementKind.AttachedNew : LiveAcknowledgementKind.AttachedExisting;
            session.Post(LiveOutboxItem.ForAcknowledgement(new LiveAcknowledgement(state.Id, state.LastSequence, kind, 0)));
            return;
        }

        if (evt.Sequence == 0)
        {
            Reject(session, evt, LiveEventErrorReason.InvalidArgument, "sequence must be ≥ 1", consumed: false);
            return;
        }

        if (evt.Sequence <= state.LastSequence)
        {
            _metrics.EventsDuplicated.Add(1);
            session.Post(LiveOutboxItem.ForAcknowledgement(new LiveAcknowledgement(state.Id, state.LastSequence, LiveAcknowledgementKind.Duplicate, evt.Sequence)));
            return;
        }

        if (evt.Sequence != state.LastSequence + 1)
        {
            Reject(session, evt, LiveEventErrorReason.OutOfOrder, $"sequence {evt.Sequence} is out of order; expected {state.LastSequence + 1}", consumed: false);
            return;
        }

        var error = evt.MappingError is { } mapping ? (LiveEventErrorReason.InvalidArgument, mapping) : Apply(state, evt);
        state.LastSequence = evt.Sequence;
        state.LastReceivedTimestamp = evt.ReceivedTimestamp;
        if (error is { } failure)
        {
            Reject(session, evt, failure.Reason, failure.Detail, consumed: true);
            return;
        }

        _metrics.EventsApplied.Add(1);
        PublishPaced(state);
    }

    private bool TryClaimWriter(LiveSession session, PortfolioState state, in LiveEvent evt)
    {
        if (ReferenceEquals(state.Writer, session))
        {
            return true;
        }

        if (state.Writer is { IsActive: true })
        {
            Reject(session, evt, LiveEventErrorReason.WriterConflict, $"portfolio '{state.Id}' already has an active writer on another stream", consumed: false);
            return false;
        }

        if (session.OwnedPortfolios >= _options.MaxPortfoliosPerSession)
        {
            Reject(session, evt, LiveEventErrorReason.LimitExceeded, $"a stream may write at most {_options.MaxPortfoliosPerSession} portfolios", consumed: false);
            return false;
        }

        state.Writer = session;
        session.AddOwned();
        state.Subscribers.Add(new LiveSubscription(session, state.Id));
        return true;
    }

    private void PublishPaced(PortfolioState state)
    {
        var interval = state.Settings.MinUpdateInterval;
        if (interval <= TimeSpan.Zero)
        {
            Publish(state);
            return;
        }

        var sinceLast = _time.GetElapsedTime(state.LastPublishTimestamp);
        if (state.LastPublishTimestamp == 0 || sinceLast >= interval)
        {
            Publish(state);
            return;
        }

        if (state.PublishPending)
        {
            return;
        }

        state.PublishPending = true;
        state.FlushTimer ??= _time.CreateTimer(
            static s =>
            {
                var (partition, target) = ((LivePartition, PortfolioState))s!;
                partition._queue.Writer.TryWrite(new WorkItem { Kind = WorkItemKind.Flush, Target = target });
            },
            (this, state),
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        state.FlushTimer.Change(interval - sinceLast, Timeout.InfiniteTimeSpan);
    }

    private void SendSnapshot(LiveSession session, PortfolioState state)
    {
        state.Evaluate(_time);
        foreach (var subscription in state.Subscribers)
        {
            if (ReferenceEquals(subscription.Session, session))
            {
                Offer(subscription, state.Snapshot);
                return;
            }
        }

        // A reader that is not subscribed gets a one-off slot.
        Offer(new LiveSubscription(session, state.Id), state.Snapshot);
    }

    private void Reject(LiveSession session, in LiveEvent evt, LiveEventErrorReason reason, string detail, bool consumed)
    {
        _metrics.EventsRejected.Add(1);
        session.Post(LiveOutboxItem.ForError(LiveEventError.Create(evt, reason, detail, consumed)));
    }

    private (LiveEventErrorReason Reason, string Detail)? Apply(PortfolioState state, in LiveEvent evt) => evt.Kind switch
    {
        LiveEventKind.ReturnObservation => LiveEventApplier.ApplyReturn(state, evt, _time),
        LiveEventKind.MarkPrice => LiveEventApplier.ApplyMark(state, evt, _time),
        LiveEventKind.PositionChange => LiveEventApplier.ApplyFill(state, evt, _time, _options.MaxInstrumentsPerPortfolio),
        LiveEventKind.Configuration => LiveEventApplier.ApplyConfiguration(state, evt, _options.MaxWindowLength),
        _ => (LiveEventErrorReason.InvalidArgument, $"event kind {evt.Kind} is not sequenced"),
    };
}
