using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;
using RiskGrpc.Server.Hosting;
using RiskGrpc.Server.LiveRisk;

namespace RiskGrpc.FunctionalTests.LiveRisk;

/// <summary>
/// The real host (<c>AddRiskGrpcServer</c>/<c>MapRiskGrpcServices</c>, as Program.cs) plus the live risk feature,
/// the two lines the integrator adds to Program.cs, on Kestrel at 127.0.0.1:0. The channel allows several HTTP/2
/// connections so that hundreds of concurrent streams are not capped by one connection's stream limit.
/// </summary>
public sealed class LiveRiskTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private LiveRiskTestServer(WebApplication app, TestLogSink logs, Uri address)
    {
        _app = app;
        Logs = logs;
        Address = address;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        Client = new LiveRiskService.LiveRiskServiceClient(Channel);
    }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public LiveRiskService.LiveRiskServiceClient Client { get; }

    public TestLogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LiveRiskTestServer> StartAsync(IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Testing",
        });
        var settings = new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new TestLogSink();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.AddRiskGrpcServer();
        var app = builder.Build();
        app.MapRiskGrpcServices();
        await app.StartAsync().DefaultTimeout();
        var endpoints = app.Services.GetRequiredService<KestrelEndpointRegistry>();
        return new LiveRiskTestServer(app, logs, new Uri(endpoints.Get("Grpc").Url));
    }

    /// <summary>Fails the test on Error logs not accepted by <paramref name="expected"/>.</summary>
    public VerifyNoErrorsScope VerifyNoErrors(Func<LogRecord, bool>? expected = null) => new(Logs, expected);

    /// <summary>Stops the host gracefully (what SIGTERM does).</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _app.StopAsync().DefaultTimeout();
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (!_stopped)
        {
            await _app.StopAsync().DefaultTimeout();
        }

        await _app.DisposeAsync();
    }
}
