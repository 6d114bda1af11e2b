using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using RiskGrpc.Server.Hosting;

namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>
/// The REAL server host (the same <c>AddRiskGrpcServer</c>/<c>MapRiskGrpcServices</c> as Program.cs) on Kestrel,
/// bound to 127.0.0.1 with port 0 for both endpoints unless the configuration says otherwise. Exposes a
/// <see cref="GrpcChannel"/> to the Grpc endpoint, an <see cref="HttpClient"/> to the Http endpoint and the logs.
/// </summary>
public sealed class RiskGrpcTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private RiskGrpcTestServer(WebApplication app, TestLogSink logs, Uri grpcAddress, Uri httpAddress)
    {
        _app = app;
        Logs = logs;
        GrpcAddress = grpcAddress;
        HttpAddress = httpAddress;
        Channel = GrpcChannel.ForAddress(grpcAddress, new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null });
        HttpClient = new HttpClient { BaseAddress = httpAddress, Timeout = TaskTimeoutExtensions.DefaultTimeoutSpan };
    }

    /// <summary>Channel to the HTTP/2 gRPC endpoint.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>Client for the HTTP/1.1 REST/JSON endpoint.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The bound address of endpoint <c>Grpc</c>.</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The bound address of endpoint <c>Http</c>.</summary>
    public Uri HttpAddress { get; }

    /// <summary>Everything the server logged.</summary>
    public TestLogSink Logs { get; }

    /// <summary>The server's services (e.g. to reach singletons).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a server. <paramref name="configuration"/> overrides settings (applied after the defaults that bind both
    /// endpoints to 127.0.0.1:0), <paramref name="args"/> are command-line arguments (the usual override channel), and
    /// <paramref name="configureServices"/> may replace services after the server registered its own.
    /// </summary>
    public static async Task<RiskGrpcTestServer> StartAsync(
        IReadOnlyDictionary<string, string?>? configuration = null,
        string[]? args = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
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

        // The command line is added again after the test settings so args still win, as they do for the real host.
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddCommandLine(args ?? []);

        var logs = new TestLogSink();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);

        builder.AddRiskGrpcServer();
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapRiskGrpcServices();
        await app.StartAsync().DefaultTimeout();

        var endpoints = app.Services.GetRequiredService<KestrelEndpointRegistry>();
        return new RiskGrpcTestServer(app, logs, new Uri(endpoints.Get("Grpc").Url), new Uri(endpoints.Get("Http").Url));
    }

    /// <summary>Stops the host gracefully (what SIGTERM does); disposing afterwards does not stop it again.</summary>
    public async Task StopAsync()
    {
        _stopped = true;
        await _app.StopAsync().DefaultTimeout();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        HttpClient.Dispose();
        Channel.Dispose();
        if (!_stopped)
        {
            await _app.StopAsync().DefaultTimeout();
        }

        await _app.DisposeAsync();
    }
}
