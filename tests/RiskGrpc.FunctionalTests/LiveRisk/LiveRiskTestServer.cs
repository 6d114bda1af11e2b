using Grpc.Net.Client;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.LiveRisk;

/// <summary>
/// The real host (<see cref="RiskGrpcTestServer"/>, as Program.cs builds it) with a live-risk client whose channel
/// allows several HTTP/2 connections, so that hundreds of concurrent streams are not capped by one connection's
/// stream limit.
/// </summary>
public sealed class LiveRiskTestServer : IAsyncDisposable
{
    private readonly RiskGrpcTestServer _host;

    private LiveRiskTestServer(RiskGrpcTestServer host)
    {
        _host = host;
        Channel = GrpcChannel.ForAddress(host.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        Client = new LiveRiskService.LiveRiskServiceClient(Channel);
    }

    public Uri Address => _host.GrpcAddress;

    public GrpcChannel Channel { get; }

    public LiveRiskService.LiveRiskServiceClient Client { get; }

    public TestLogSink Logs => _host.Logs;

    public IServiceProvider Services => _host.Services;

    public static async Task<LiveRiskTestServer> StartAsync(IReadOnlyDictionary<string, string?>? configuration = null) =>
        new(await RiskGrpcTestServer.StartAsync(configuration));

    /// <summary>Fails the test on Error logs not accepted by <paramref name="expected"/>.</summary>
    public VerifyNoErrorsScope VerifyNoErrors(Func<LogRecord, bool>? expected = null) => new(Logs, expected);

    /// <summary>Stops the host gracefully (what SIGTERM does).</summary>
    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _host.DisposeAsync();
    }
}
