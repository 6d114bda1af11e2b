using RiskGrpc.Engine.Live;
using RiskGrpc.TestUtils;
using static RiskGrpc.Engine.Tests.Live.EngineHarness;

namespace RiskGrpc.Engine.Tests.Live;

public sealed class LiveRiskEngineSequenceTests
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitAsync_SequencedReturns_UpdateCarriesLastAppliedSequence()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();

        await session.SubmitAsync(Return("p1", 1, 0.01), None).DefaultTimeout();
        await session.SubmitAsync(Return("p1", 2, -0.02), None).DefaultTimeout();
        var update = await ReadUpdateAsync(session, "p1", 2);

        Assert.Equal(2UL, update.LastAppliedSequence);
        Assert.Equal(2, update.TotalObservations);
        Assert.Equal(2, update.WindowObservations);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task SubmitAsync_DuplicateSequence_AcknowledgedAndNotReapplied()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        await session.SubmitAsync(Return("p1", 1, 0.01), None).DefaultTimeout();
        await session.SubmitAsync(Return("p1", 2, 0.02), None).DefaultTimeout();

        await session.SubmitAsync(Return("p1", 1, 0.01), None).DefaultTimeout();
        await session.SubmitAsync(Return("p1", 3, 0.03), None).DefaultTimeout();
        var seen = await CollectAsync(session, s => HasUpdate(s, "p1", 3) && s.Exists(i => i.Item.Kind == LiveOutboxItemKind.Acknowledgement));
        var ack = seen.Single(i => i.Item.Kind == LiveOutboxItemKind.Acknowledgement).Item;
        var update = seen.Last(i => i.Update is not null).Update!;

        Assert.Equal(LiveAcknowledgementKind.Duplicate, ack.Acknowledgement.Kind);
        Assert.Equal(1UL, ack.Acknowledgement.Sequence);
        Assert.Equal(2UL, ack.Acknowledgement.LastAppliedSequence);
        Assert.Equal(3, update.TotalObservations);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task SubmitAsync_SequenceGap_RejectedOutOfOrderWithoutConsumingIt()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        await session.SubmitAsync(Return("p1", 1, 0.01), None).DefaultTimeout();

        await session.SubmitAsync(Return("p1", 5, 0.01), None).DefaultTimeout();
        await session.SubmitAsync(Return("p1", 2, 0.01), None).DefaultTimeout();
        var seen = await CollectAsync(session, s => HasUpdate(s, "p1", 2) && s.Exists(i => i.Item.Kind == LiveOutboxItemKind.Error));
        var error = seen.Single(i => i.Item.Kind == LiveOutboxItemKind.Error).Item;
        var update = seen.Last(i => i.Update is not null).Update!;

        Assert.Equal(LiveEventErrorReason.OutOfOrder, error.Error.Reason);
        Assert.False(error.Error.SequenceConsumed);
        Assert.Contains("expected 2", error.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, update.TotalObservations);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task SubmitAsync_NaNReturn_RejectedAloneWhileOtherPortfoliosCarryOn()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();

        await session.SubmitAsync(Return("bad", 1, double.NaN), None).DefaultTimeout();
        await session.SubmitAsync(Return("good", 1, 0.01), None).DefaultTimeout();
        await session.SubmitAsync(Return("bad", 2, 0.02), None).DefaultTimeout();
        var seen = await CollectAsync(session, s => HasUpdate(s, "bad", 2) && s.Exists(i => i.Item.Kind == LiveOutboxItemKind.Error));
        var error = seen.Single(i => i.Item.Kind == LiveOutboxItemKind.Error).Item;
        var bad = seen.Last(i => i.Update?.PortfolioId == "bad").Update!;

        Assert.Equal(LiveEventErrorReason.InvalidArgument, error.Error.Reason);
        Assert.StartsWith("INVALID_ARGUMENT", error.Error.Message, StringComparison.Ordinal);
        Assert.True(error.Error.SequenceConsumed);
        Assert.Equal(1, bad.TotalObservations);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task SubmitAsync_SecondWriter_RejectedWithFailedPreconditionUntilFirstCompletes()
    {
        await using var harness = new EngineHarness();
        var first = harness.Engine.OpenSession();
        var second = harness.Engine.OpenSession();
        await first.SubmitAsync(Return("p1", 1, 0.01), None).DefaultTimeout();
        await ReadUpdateAsync(first, "p1", 1);

        await second.SubmitAsync(Return("p1", 2, 0.01), None).DefaultTimeout();
        var (conflict, _) = await ReadUntilAsync(second, (i, _) => i.Kind == LiveOutboxItemKind.Error);
        await first.CompleteAsync().DefaultTimeout();
        await second.SubmitAsync(Attach("p1"), None).DefaultTimeout();
        var (ack, _) = await ReadUntilAsync(second, (i, _) => i.Kind == LiveOutboxItemKind.Acknowledgement);

        Assert.Equal(LiveEventErrorReason.WriterConflict, conflict.Error.Reason);
        Assert.StartsWith("FAILED_PRECONDITION", conflict.Error.Message, StringComparison.Ordinal);
        Assert.False(conflict.Error.SequenceConsumed);
        Assert.Equal(LiveAcknowledgementKind.AttachedExisting, ack.Acknowledgement.Kind);
        Assert.Equal(1UL, ack.Acknowledgement.LastAppliedSequence);
        await second.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task SubmitAsync_InvalidPortfolioId_RejectedWithoutReachingAWorker()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();

        await session.SubmitAsync(Return("", 1, 0.01), None).DefaultTimeout();
        var item = await session.Outbox.ReadAsync(None).DefaultTimeout();

        Assert.Equal(LiveOutboxItemKind.Error, item.Kind);
        Assert.Equal(LiveEventErrorReason.InvalidArgument, item.Error.Reason);
        Assert.Equal(0, harness.Engine.PortfolioCount);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Attach_UnknownPortfolio_AcknowledgedAsNewAtSequenceZero()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();

        await session.SubmitAsync(Attach("fresh"), None).DefaultTimeout();
        var item = await session.Outbox.ReadAsync(None).DefaultTimeout();

        Assert.Equal(LiveAcknowledgementKind.AttachedNew, item.Acknowledgement.Kind);
        Assert.Equal(0UL, item.Acknowledgement.LastAppliedSequence);
        await session.CompleteAsync().DefaultTimeout();
    }
}
