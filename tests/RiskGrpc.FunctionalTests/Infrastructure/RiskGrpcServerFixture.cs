namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>
/// One shared server for the tests of the <see cref="RiskGrpcServerCollectionDefinition"/>, with small limits so the limit
/// paths are cheap to reach: 10,000 rows per series, 50 series per batch, 1 MiB per message.
/// </summary>
public sealed class RiskGrpcServerFixture : IAsyncLifetime
{
    /// <summary>Largest series the fixture's server accepts.</summary>
    public const int MaxSeriesLength = 10_000;

    /// <summary>Largest batch the fixture's server accepts.</summary>
    public const int MaxBatchSize = 50;

    /// <summary>Largest message the fixture's server accepts.</summary>
    public const int MaxReceiveMessageSize = 1024 * 1024;

    private RiskGrpcTestServer? _server;

    /// <summary>The running server.</summary>
    public RiskGrpcTestServer Server => _server ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary>Channel to the gRPC endpoint.</summary>
    public Grpc.Net.Client.GrpcChannel Channel => Server.Channel;

    /// <summary>Client for the REST/JSON endpoint.</summary>
    public HttpClient HttpClient => Server.HttpClient;

    /// <summary>Fails the test on Error logs not accepted by <paramref name="expected"/>.</summary>
    public VerifyNoErrorsScope VerifyNoErrors(Func<LogRecord, bool>? expected = null) => new(Server.Logs, expected);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _server = await RiskGrpcTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["RiskGrpc:Limits:MaxSeriesLength"] = MaxSeriesLength.ToString(CultureInfo.InvariantCulture),
            ["RiskGrpc:Limits:MaxBatchSize"] = MaxBatchSize.ToString(CultureInfo.InvariantCulture),
            ["RiskGrpc:MaxReceiveMessageSize"] = MaxReceiveMessageSize.ToString(CultureInfo.InvariantCulture),
            ["RiskGrpc:StreamMaxConcurrency"] = "4",
            ["RiskGrpc:StreamQueueCapacity"] = "8",
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
