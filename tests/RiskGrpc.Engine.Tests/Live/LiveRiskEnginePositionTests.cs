using RiskGrpc.Engine.Live;
using RiskGrpc.TestUtils;
using static RiskGrpc.Engine.Tests.Live.EngineHarness;

namespace RiskGrpc.Engine.Tests.Live;

public sealed class LiveRiskEnginePositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LiveEvent Fill(ulong seq, string instrument, double quantity, double price) => new()
    {
        Kind = LiveEventKind.PositionChange, PortfolioId = "book", Sequence = seq, Instrument = instrument, Quantity = quantity, Price = price,
    };

    private static LiveEvent Mark(ulong seq, string instrument, double price) => new()
    {
        Kind = LiveEventKind.MarkPrice, PortfolioId = "book", Sequence = seq, Instrument = instrument, Price = price,
    };

    [Fact]
    public async Task Fills_AndMarks_ValuePortfolioAndDeriveReturnsOnGrossExposure()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();

        await session.SubmitAsync(Fill(1, "AAA", 100, 10), Ct).DefaultTimeout();   // long 1000
        await session.SubmitAsync(Fill(2, "BBB", -50, 20), Ct).DefaultTimeout();   // short 1000
        await session.SubmitAsync(Mark(3, "AAA", 11), Ct).DefaultTimeout();        // +100 on gross 2000
        await session.SubmitAsync(Mark(4, "BBB", 22), Ct).DefaultTimeout();        // −100 on gross 2100
        var update = await ReadUpdateAsync(session, "book", 4);

        Assert.True(update.IsPositionPortfolio);
        Tolerance.Close(1100 + 1100, update.GrossExposure);
        Tolerance.Close(1100 - 1100, update.NetExposure, absFloor: 1e-9);
        Tolerance.Close(0, update.TotalPnl, absFloor: 1e-9);
        Tolerance.Close(-100, update.PeriodPnl);
        Assert.Equal(2, update.OpenPositions);

        // Fill 1 had no exposure before it (no return); fill 2 re-marked nothing; the two marks are returns.
        Assert.Equal(3, update.TotalObservations);
        var expected = new[] { 0.0, 100.0 / 2000, -100.0 / 2100 };
        Tolerance.Close(ScalarRiskReference.Volatility(expected, 252), update.Volatility);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Mark_UnknownInstrument_RejectedWithNotFoundAndSequenceConsumed()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        await session.SubmitAsync(Fill(1, "AAA", 10, 10), Ct).DefaultTimeout();

        await session.SubmitAsync(Mark(2, "ZZZ", 5), Ct).DefaultTimeout();
        await session.SubmitAsync(Mark(3, "AAA", 12), Ct).DefaultTimeout();
        var seen = await CollectAsync(session, s => HasUpdate(s, "book", 3) && s.Exists(i => i.Item.Kind == LiveOutboxItemKind.Error));
        var error = seen.Single(i => i.Item.Kind == LiveOutboxItemKind.Error).Item.Error;
        var update = seen.Last(i => i.Update is not null).Update!;

        Assert.Equal(LiveEventErrorReason.UnknownInstrument, error.Reason);
        Assert.StartsWith("NOT_FOUND", error.Message, StringComparison.Ordinal);
        Assert.True(error.SequenceConsumed);
        Tolerance.Close(20, update.TotalPnl);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Return_OnPositionPortfolio_RejectedAsWrongKind()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        await session.SubmitAsync(Fill(1, "AAA", 10, 10), Ct).DefaultTimeout();

        await session.SubmitAsync(Return("book", 2, 0.01), Ct).DefaultTimeout();
        var (error, _) = await ReadUntilAsync(session, (i, _) => i.Kind == LiveOutboxItemKind.Error);

        Assert.Equal(LiveEventErrorReason.WrongPortfolioKind, error.Error.Reason);
        await session.CompleteAsync().DefaultTimeout();
    }

    [Fact]
    public async Task Configure_Capital_ReturnsAreMeasuredAgainstIt()
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        await session.SubmitAsync(new LiveEvent
        {
            Kind = LiveEventKind.Configuration,
            PortfolioId = "book",
            Sequence = 1,
            Configuration = new LiveConfigurationChange { Capital = 10_000 },
        }, Ct).DefaultTimeout();

        await session.SubmitAsync(Fill(2, "AAA", 100, 10), Ct).DefaultTimeout();
        await session.SubmitAsync(Mark(3, "AAA", 12), Ct).DefaultTimeout();
        await session.SubmitAsync(Mark(4, "AAA", 11), Ct).DefaultTimeout();
        var update = await ReadUpdateAsync(session, "book", 4);

        var expected = new[] { 0.0, 200.0 / 10_000, -100.0 / 10_000 };
        Tolerance.Close(ScalarRiskReference.Drawdowns(expected).Current, update.CurrentDrawdown);
        Tolerance.Close(ScalarRiskReference.Volatility(expected, 252), update.Volatility);
        await session.CompleteAsync().DefaultTimeout();
    }
}
