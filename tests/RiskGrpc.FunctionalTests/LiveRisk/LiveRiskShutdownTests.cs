using System.Net.Http;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Live;

namespace RiskGrpc.FunctionalTests.LiveRisk;

public sealed class LiveRiskShutdownTests
{
    private const int Streams = 10;

    [Fact]
    public async Task StopHost_ClientsHalfCloseOnDraining_EverySentEventAnsweredThenUnavailable()
    {
        var server = await LiveRiskTestServer.StartAsync();
        await using var _ = server;
        using var noErrors = server.VerifyNoErrors();
        var streams = await OpenStreamsWithHistoryAsync(server, halfCloseOnDraining: true);

        var stopping = server.StopAsync();
        var lastSent = await KeepSendingAsync(streams);
        await stopping.DefaultTimeout();

        for (var s = 0; s < streams.Count; s++)
        {
            var rest = await streams[s].DrainAsync();
            Assert.Null(streams[s].TransportFailure);
            AssertShutdownStatus(streams[s].Failure);
            Assert.NotNull(streams[s].Draining);
            Assert.Equal(TimeSpan.FromSeconds(3), streams[s].Draining!.GracePeriod.ToTimeSpan());

            // The client half-closed, so the server read every event it sent: all of them were applied and answered.
            var lastAnswered = LastAnswered(rest);
            Assert.Equal(lastSent[s], lastAnswered);
            Assert.Equal(await EngineLastSequenceAsync(server, Portfolio(s)), lastAnswered);

            // The Draining message comes after every update it follows in the outbox and before the status.
            Assert.Single(rest, r => r.Draining is not null);
            await streams[s].DisposeAsync();
        }
    }

    [Fact]
    public async Task StopHost_ClientsIgnoreDraining_StreamsEndAfterDrainTimeout()
    {
        var server = await LiveRiskTestServer.StartAsync(new Dictionary<string, string?> { ["LiveRisk:DrainTimeout"] = "00:00:00.300" });
        await using var _ = server;
        using var noErrors = server.VerifyNoErrors();
        var streams = await OpenStreamsWithHistoryAsync(server, halfCloseOnDraining: false);

        // The clients send nothing more and never half-close: the drain timeout alone ends their calls.
        await server.StopAsync().DefaultTimeout();

        for (var s = 0; s < streams.Count; s++)
        {
            var rest = await streams[s].DrainAsync();
            Assert.NotNull(streams[s].Draining);
            Assert.Equal(TimeSpan.FromMilliseconds(300), streams[s].Draining!.GracePeriod.ToTimeSpan());

            // A client that keeps its request side open may see the connection's clean close (NO_ERROR) before it
            // has read the trailers (SocketsHttpHandler drops them); that is why clients should half-close.
            if (streams[s].TransportFailure is { } transport)
            {
                Assert.Equal(0L, transport.ErrorCode);
            }
            else
            {
                AssertShutdownStatus(streams[s].Failure);
            }

            Assert.DoesNotContain(rest, r => r.Error is not null);

            await streams[s].DisposeAsync();
        }
    }

    [Fact]
    public async Task StopHost_OpenWatch_EndsWithUnavailable()
    {
        var server = await LiveRiskTestServer.StartAsync();
        await using var _ = server;
        using var noErrors = server.VerifyNoErrors();
        await using (var writer = new LiveStreamClient(server.Client))
        {
            await writer.SendReturnAsync("watched-at-shutdown", 1, 0.01);
            await writer.WaitForUpdateAsync("watched-at-shutdown", 1);
            await writer.CompleteAsync();
        }

        using var watch = server.Client.Watch(new WatchRequest { PortfolioIds = { "watched-at-shutdown" } });
        Assert.True(await watch.ResponseStream.MoveNext().DefaultTimeout());

        await server.StopAsync().DefaultTimeout();

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await watch.ResponseStream.MoveNext().DefaultTimeout())
            {
            }
        });
        AssertShutdownStatus(ex);
    }

    private static string Portfolio(int stream) => $"shutdown-{stream}";

    private static async Task<List<LiveStreamClient>> OpenStreamsWithHistoryAsync(LiveRiskTestServer server, bool halfCloseOnDraining)
    {
        var streams = Enumerable.Range(0, Streams).Select(_ => new LiveStreamClient(server.Client, halfCloseOnDraining: halfCloseOnDraining)).ToList();
        for (var s = 0; s < streams.Count; s++)
        {
            for (ulong i = 1; i <= 100; i++)
            {
                await streams[s].SendReturnAsync(Portfolio(s), i, 0.0001 * (double)i);
            }

            await streams[s].WaitForUpdateAsync(Portfolio(s), 100);
        }

        return streams;
    }

    /// <summary>Keeps writing while the host stops, until each stream's request side is closed; returns the last sequence written.</summary>
    private static async Task<ulong[]> KeepSendingAsync(List<LiveStreamClient> streams)
    {
        var lastSent = new ulong[streams.Count];
        await Task.WhenAll(streams.Select(async (stream, s) =>
        {
            lastSent[s] = 100;
            for (ulong i = 101; i <= 100_000; i++)
            {
                try
                {
                    await stream.SendReturnAsync(Portfolio(s), i, 0.0001);
                    lastSent[s] = i;
                }
                catch (Exception ex) when (ex is InvalidOperationException or RpcException or HttpRequestException)
                {
                    return;
                }
            }
        })).DefaultTimeout();
        return lastSent;
    }

    private static ulong LastAnswered(List<ConnectResponse> rest) =>
        rest.Where(r => r.Update is not null).Select(r => r.Update.LastAppliedSequence).Append(100UL).Max();

    private static void AssertShutdownStatus(RpcException? failure)
    {
        Assert.NotNull(failure);
        Assert.True(failure.StatusCode == StatusCode.Unavailable, $"{failure.StatusCode}: {failure.Status.Detail} / {failure.Status.DebugException}");
        Assert.Contains("shutting down", failure.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<ulong> EngineLastSequenceAsync(LiveRiskTestServer server, string portfolio)
    {
        var engine = server.Services.GetRequiredService<LiveRiskEngine>();
        var session = engine.OpenSession();
        await session.SubmitAsync(new LiveEvent { Kind = LiveEventKind.Snapshot, PortfolioId = portfolio }, CancellationToken.None).AsTask().DefaultTimeout();
        var item = await session.Outbox.ReadAsync().AsTask().DefaultTimeout();
        var snapshot = new LiveRiskSnapshot();
        Assert.True(item.Subscription!.TakeLatest(snapshot));
        await session.CompleteAsync().DefaultTimeout();
        return snapshot.LastAppliedSequence;
    }
}
