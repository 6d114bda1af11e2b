namespace RiskGrpc.FunctionalTests.LiveRisk;

/// <summary>One live risk server shared by a test class.</summary>
public sealed class LiveRiskServerFixture : IAsyncLifetime
{
    private LiveRiskTestServer? _server;

    public LiveRiskTestServer Server => _server ?? throw new InvalidOperationException("fixture not initialised");

    public async ValueTask InitializeAsync() => _server = await LiveRiskTestServer.StartAsync(new Dictionary<string, string?>
    {
        ["LiveRisk:Partitions"] = "2",
    });

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
