using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FakePortfolioOptimizer;

namespace RiskGrpc.FunctionalTests.Optimization.Cloud;

/// <summary>
/// The API key reaches the cloud as <c>X-API-Key</c> on every attempt and appears nowhere else: not in any log entry
/// (all levels, HTTP client header logging included), response, error message or trailer, whatever the cloud answers.
/// </summary>
public sealed class ApiKeySecrecyTests
{
    private const string Key = "rgk-test-4c1d9e7f-SECRET-b52a";

    [Fact]
    public async Task Optimize_WithApiKey_KeySentToCloudAndNeverLoggedOrEchoed()
    {
        await using var cloud = await CloudServer.StartAsync(new Dictionary<string, string?>
        {
            ["RiskGrpc:Cloud:ApiKey"] = Key,
            ["Logging:LogLevel:Default"] = "Trace",
        });
        FakeFaultKind[] faults =
        [
            FakeFaultKind.None, FakeFaultKind.Unauthorized, FakeFaultKind.BadRequest, FakeFaultKind.InternalError,
            FakeFaultKind.ConnectionReset, FakeFaultKind.MalformedJson, FakeFaultKind.RateLimitedWithHeaders, FakeFaultKind.NotFound,
        ];
        var call = 0;
        cloud.Fake.Faults = _ => new FakeFault(faults[Volatile.Read(ref call) % faults.Length], TimeSpan.FromSeconds(60));
        var echoed = new List<string>();

        for (; call < faults.Length * 2; call++)
        {
            var routing = call < faults.Length ? OptimizationRouting.Auto : OptimizationRouting.Cloud;
            try
            {
                var response = await cloud.Client.OptimizeAsync(DocumentedOptimizeRequests.MaxSharpe(1 + (call / 1024.0), routing)).ResponseAsync.DefaultTimeout();
                echoed.Add(response.ToString());
            }
            catch (RpcException ex)
            {
                echoed.Add(ex.ToString());
                echoed.Add(ex.Status.Detail);
                echoed.AddRange(ex.Trailers.Select(t => t.IsBinary ? Convert.ToBase64String(t.ValueBytes) + System.Text.Encoding.UTF8.GetString(t.ValueBytes) : t.Value));
            }
        }

        using var rest = await cloud.Server.HttpClient.PostAsync(
            "/v1/optimizer:optimize",
            new StringContent("""{"input":{"moments":{"assets":["A","B"],"covariance":[0.04,0.01,0.01,0.01]}},"method":"OPTIMIZATION_METHOD_MAX_DIVERSIFICATION","routing":"OPTIMIZATION_ROUTING_CLOUD"}""", System.Text.Encoding.UTF8, "application/json")).DefaultTimeout();
        echoed.Add(await rest.Content.ReadAsStringAsync().DefaultTimeout());
        echoed.AddRange(rest.Headers.Concat(rest.Content.Headers).SelectMany(h => h.Value));

        var received = cloud.Fake.Received;
        Assert.True(received.Count >= faults.Length * 2, $"the fake saw only {received.Count} requests");
        Assert.All(received, r => Assert.Equal(Key, r.ApiKey));
        Assert.All(echoed, text => Assert.DoesNotContain(Key, text, StringComparison.Ordinal));
        var logs = cloud.Server.Logs.Records;
        Assert.All(logs, r => Assert.DoesNotContain(Key, r.ToString(), StringComparison.Ordinal));
        // The test can fail: the HTTP client did log its request headers (values redacted), and the 401 was logged.
        Assert.Contains(logs, r => r.Message.Contains("X-API-Key", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs, r => r.EventId.Id == 4102);
    }
}
