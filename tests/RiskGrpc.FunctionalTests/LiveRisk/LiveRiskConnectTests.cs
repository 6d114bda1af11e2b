using Grpc.Core;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.FunctionalTests.LiveRisk;

public sealed class LiveRiskConnectTests(LiveRiskServerFixture fixture) : IClassFixture<LiveRiskServerFixture>
{
    private LiveRiskService.LiveRiskServiceClient Client => fixture.Server.Client;

    [Fact]
    public async Task Connect_TwoHundredConcurrentStreams_EachSeesOnlyItsOwnPortfolio()
    {
        using var noErrors = fixture.Server.VerifyNoErrors();
        const int Streams = 200;
        const int Events = 20;
        var runId = Guid.NewGuid().ToString("N")[..8];

        var results = await Task.WhenAll(Enumerable.Range(0, Streams).Select(async s =>
        {
            var portfolio = $"{runId}-p{s}";
            var values = Enumerable.Range(1, Events).Select(i => ((s * 31) + (i * 7)) % 41 / 1000.0 - 0.02).ToArray();
            await using var stream = new LiveStreamClient(Client);
            for (var i = 0; i < Events; i++)
            {
                await stream.SendReturnAsync(portfolio, (ulong)(i + 1), values[i]);
            }

            var seen = await stream.ReadUntilAsync(r => r.Update is { } u && u.LastAppliedSequence == Events);
            var rest = await stream.CompleteAsync();
            return (portfolio, values, responses: seen.Concat(rest).ToList());
        })).DefaultTimeout();

        foreach (var (portfolio, values, responses) in results)
        {
            Assert.All(responses, r => Assert.Equal(ConnectResponse.ResponseOneofCase.Update, r.ResponseCase));
            Assert.All(responses, r => Assert.Equal(portfolio, r.Update.PortfolioId));
            var last = responses.Last(r => r.Update is not null).Update;
            Assert.Equal((ulong)Events, last.TotalObservations);
            Tolerance.Close(SampleSd(values) * Math.Sqrt(252), last.Volatility, label: portfolio);
        }
    }

    [Fact]
    public async Task Connect_SlowConsumer_OthersKeepGettingUpdatesAndItGetsTheLatestCoalesced()
    {
        using var noErrors = fixture.Server.VerifyNoErrors();
        var runId = Guid.NewGuid().ToString("N")[..8];
        await using var slow = new LiveStreamClient(Client, readImmediately: false);
        await using var fast = new LiveStreamClient(Client);
        const int SlowEvents = 3000;

        var flood = Task.Run(async () =>
        {
            for (var i = 1; i <= SlowEvents; i++)
            {
                await slow.SendReturnAsync($"{runId}-slow", (ulong)i, (i % 13 / 1000.0) - 0.006);
            }
        });
        for (var i = 1; i <= 50; i++)
        {
            await fast.SendReturnAsync($"{runId}-fast", (ulong)i, 0.001 * (i % 5));
            var update = await fast.WaitForUpdateAsync($"{runId}-fast", (ulong)i);
            Assert.Equal((ulong)i, update.LastAppliedSequence);
        }

        await flood.DefaultTimeout();
        slow.StartReading();
        var seen = await slow.ReadUntilAsync(r => r.Update is { LastAppliedSequence: SlowEvents });
        var updates = seen.Where(r => r.Update is not null).Select(r => r.Update).ToList();

        Assert.Equal((ulong)SlowEvents, updates[^1].TotalObservations);
        Assert.True(updates.Count < SlowEvents, $"expected coalescing, got {updates.Count} updates for {SlowEvents} events");
        Assert.Equal((ulong)SlowEvents - (ulong)updates.Count, (ulong)updates.Sum(u => (long)u.CoalescedUpdates));
        Assert.True(updates.Zip(updates.Skip(1)).All(p => p.First.LastAppliedSequence < p.Second.LastAppliedSequence));
        await slow.CompleteAsync();
        await fast.CompleteAsync();
    }

    [Fact]
    public async Task Connect_DisconnectAndReconnect_ResumesWithoutLossOrDuplication()
    {
        using var noErrors = fixture.Server.VerifyNoErrors();
        var portfolio = $"{Guid.NewGuid():N}-resume";
        var values = Enumerable.Range(1, 100).Select(i => (i * 37 % 23 / 1000.0) - 0.011).ToArray();
        var first = new LiveStreamClient(Client);
        for (var i = 1; i <= 60; i++)
        {
            await first.SendReturnAsync(portfolio, (ulong)i, values[i - 1]);
        }

        await first.WaitForUpdateAsync(portfolio, 30);
        await first.DisposeAsync();   // abrupt: the writer vanishes mid-stream

        await using var second = new LiveStreamClient(Client);
        var ack = await AttachWhenFreeAsync(second, portfolio);
        var resumeFrom = ack.LastAppliedSequence;
        Assert.Equal(AcknowledgementKind.AttachedExisting, ack.Kind);
        Assert.InRange(resumeFrom, 30UL, 60UL);

        await second.SendReturnAsync(portfolio, resumeFrom, values[resumeFrom - 1]);   // a resend of the last applied one
        for (var i = resumeFrom + 1; i <= 100; i++)
        {
            await second.SendReturnAsync(portfolio, i, values[i - 1]);
        }

        var seen = await second.ReadUntilAsync(r => r.Update is { LastAppliedSequence: 100 });
        var duplicate = Assert.Single(seen, r => r.Acknowledgement is not null).Acknowledgement;
        var final = seen[^1].Update;

        Assert.Equal(AcknowledgementKind.Duplicate, duplicate.Kind);
        Assert.Equal(resumeFrom, duplicate.Sequence);
        Assert.Equal(100UL, final.TotalObservations);
        Tolerance.Close(SampleSd(values) * Math.Sqrt(252), final.Volatility);
        await second.CompleteAsync();
    }

    [Fact]
    public async Task Connect_MalformedEvent_RejectedAloneAndStreamCarriesOn()
    {
        using var noErrors = fixture.Server.VerifyNoErrors();
        var runId = Guid.NewGuid().ToString("N")[..8];
        await using var stream = new LiveStreamClient(Client);

        await stream.SendReturnAsync($"{runId}-a", 1, 0.01);
        await stream.SendReturnAsync($"{runId}-a", 2, double.NaN);
        await stream.SendReturnAsync($"{runId}-b", 1, 0.02);
        await stream.SendAsync(new ConnectRequest { PortfolioId = $"{runId}-a", Sequence = 3, MarkPrice = new MarkPrice { Instrument = "X", Price = 10 } });
        await stream.SendReturnAsync($"{runId}-a", 4, -0.01);
        var seen = await stream.ReadUntilAsync(r => r.Update is { } u && u.PortfolioId == $"{runId}-a" && u.LastAppliedSequence == 4);
        seen.AddRange(await stream.CompleteAsync());

        var errors = seen.Where(r => r.Error is not null).Select(r => r.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(EventErrorReason.InvalidArgument, errors[0].Reason);
        Assert.Equal(Google.Rpc.Code.InvalidArgument, errors[0].Code);
        Assert.Equal(2UL, errors[0].Sequence);
        Assert.Equal(EventErrorReason.WrongPortfolioKind, errors[1].Reason);
        Assert.Contains(seen, r => r.Update is { } u && u.PortfolioId == $"{runId}-b");
        Assert.Equal(2UL, seen.Last(r => r.Update?.PortfolioId == $"{runId}-a").Update.TotalObservations);
        Assert.Null(stream.Failure);
    }

    [Fact]
    public async Task Connect_SecondWriter_GetsFailedPreconditionForThatPortfolioOnly()
    {
        using var noErrors = fixture.Server.VerifyNoErrors();
        var runId = Guid.NewGuid().ToString("N")[..8];
        await using var owner = new LiveStreamClient(Client);
        await using var intruder = new LiveStreamClient(Client);
        await owner.SendReturnAsync($"{runId}-owned", 1, 0.01);
        await owner.WaitForUpdateAsync($"{runId}-owned", 1);

        await intruder.SendReturnAsync($"{runId}-owned", 2, 0.01);
        await intruder.SendReturnAsync($"{runId}-mine", 1, 0.03);
        var seen = await intruder.ReadUntilAsync(r => r.Update is { } u && u.PortfolioId == $"{runId}-mine");
        seen.AddRange(await intruder.CompleteAsync());

        var error = Assert.Single(seen, r => r.Error is not null).Error;
        Assert.Equal(EventErrorReason.WriterConflict, error.Reason);
        Assert.Equal(Google.Rpc.Code.FailedPrecondition, error.Code);
        Assert.Contains("FAILED_PRECONDITION", error.Message, StringComparison.Ordinal);
        Assert.False(error.SequenceConsumed);
        Assert.Null(intruder.Failure);
        await owner.CompleteAsync();
    }

    [Fact]
    public async Task Watch_TwoWatchers_ReceiveInitialStateAndEveryLaterSequenceInOrder()
    {
        using var noErrors = fixture.Server.VerifyNoErrors();
        var portfolio = $"{Guid.NewGuid():N}-watched";
        await using var writer = new LiveStreamClient(Client);
        await writer.SendReturnAsync(portfolio, 1, 0.01);
        await writer.WaitForUpdateAsync(portfolio, 1);
        using var cts = new CancellationTokenSource();
        using var watchA = Client.Watch(new WatchRequest { PortfolioIds = { portfolio } }, cancellationToken: cts.Token);
        using var watchB = Client.Watch(new WatchRequest { PortfolioIds = { portfolio } }, cancellationToken: cts.Token);
        Assert.True(await watchA.ResponseStream.MoveNext().DefaultTimeout());
        Assert.True(await watchB.ResponseStream.MoveNext().DefaultTimeout());
        Assert.Equal(1UL, watchA.ResponseStream.Current.Update.LastAppliedSequence);

        for (ulong i = 2; i <= 10; i++)
        {
            await writer.SendReturnAsync(portfolio, i, 0.001 * i);
        }

        foreach (var watch in new[] { watchA, watchB })
        {
            ulong last = 1;
            while (last < 10)
            {
                Assert.True(await watch.ResponseStream.MoveNext().DefaultTimeout());
                var update = watch.ResponseStream.Current.Update;
                Assert.True(update.LastAppliedSequence > last);
                last = update.LastAppliedSequence;
            }
        }

        await cts.CancelAsync();
        await writer.CompleteAsync();
    }

    [Fact]
    public async Task Watch_NoPortfolios_InvalidArgument()
    {
        using var watch = Client.Watch(new WatchRequest());

        var ex = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext()).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    private static async Task<Acknowledgement> AttachWhenFreeAsync(LiveStreamClient stream, string portfolio)
    {
        // The server frees the writer role once it has seen the old stream end; until then it answers FAILED_PRECONDITION.
        while (true)
        {
            await stream.AttachAsync(portfolio);
            var response = (await stream.ReadUntilAsync(r => r.Acknowledgement is not null || r.Error is not null))[^1];
            if (response.Acknowledgement is { } ack)
            {
                return ack;
            }

            Assert.Equal(EventErrorReason.WriterConflict, response.Error.Reason);
            await Task.Delay(20).DefaultTimeout();
        }
    }

    private static double SampleSd(double[] x)
    {
        var mean = x.Average();
        return Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
    }
}
