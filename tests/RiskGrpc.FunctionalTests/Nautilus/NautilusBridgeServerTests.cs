using System.Text;
using System.Text.Json;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.LiveRisk;
using RiskGrpc.Nautilus;
using RiskGrpc.Nautilus.Decoding;
using RiskGrpc.Nautilus.Hosting;
using StackExchange.Redis;

namespace RiskGrpc.FunctionalTests.Nautilus;

/// <summary>The real server with the Nautilus bridge enabled against a real redis-server, watched over gRPC.</summary>
public sealed class NautilusBridgeServerTests
{
    private const string Stream = "trader-TRADER-001:stream";
    private const string Portfolio = "nautilus:EMACross-001";

    [Fact]
    public async Task Server_BridgeEnabled_WatchSeesNautilusPortfolioAndRiskIsPublishedToRedis()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var server = await LiveRiskTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["RiskGrpc:Nautilus:Enabled"] = "true",
            ["RiskGrpc:Nautilus:Redis"] = redis.ConnectionString,
            ["RiskGrpc:Nautilus:Encoding"] = "Msgpack",
            ["RiskGrpc:Nautilus:Streams:0"] = Stream,
            ["RiskGrpc:Nautilus:PublishEncoding"] = "Json",
        });
        using var noErrors = server.VerifyNoErrors();
        await using var client = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = client.GetDatabase();

        using var watch = server.Client.Watch(new WatchRequest { PortfolioIds = { Portfolio } });
        var first = await NextAsync(watch);
        Assert.Equal(0UL, first.LastAppliedSequence);

        foreach (var fields in LoadSample("nautilus-sample-events.msgpack.jsonl"))
        {
            await db.StreamAddAsync(Stream, fields).DefaultTimeout();
        }

        // Four sequenced engine events: the opening fill, the bar's mark, the partial and the full close (at ts_closed).
        var closed = DateTimeOffset.FromUnixTimeMilliseconds(1704186600003);
        LiveRiskUpdate update;
        do
        {
            update = await NextAsync(watch);
        }
        while (update.AsOf?.ToDateTimeOffset() != closed);

        Assert.Equal(4UL, update.LastAppliedSequence);
        Assert.Equal(0, update.Positions.GrossExposure);
        Assert.Equal((-100000 * 0.68152) + (40000 * 0.682) + (60000 * 0.6821), update.Positions.TotalPnl, 1e-6);

        var statistics = server.Services.GetRequiredService<NautilusBridgeStatistics>();
        Assert.Equal(1, statistics.DuplicateFills);
        Assert.Equal(1, statistics.Heartbeats);
        var view = server.Services.GetRequiredService<NautilusPortfolioViews>().Get(Portfolio)!;
        Assert.Equal(51.27m, view.RealizedPnl["USD"]);

        var published = await WaitForAsync(async () =>
        {
            var entries = await db.StreamRangeAsync("risk-TRADER-001:stream").DefaultTimeout();
            return entries.Select(e => Encoding.UTF8.GetString((byte[])e["payload"]!)).LastOrDefault(p => p.Contains("\"51.27 USD\"", StringComparison.Ordinal));
        });
        using var json = JsonDocument.Parse(published);
        Assert.Equal("PortfolioRisk", json.RootElement.GetProperty("type").GetString());
        Assert.Equal(Portfolio, json.RootElement.GetProperty("portfolio_id").GetString());
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("ts_init").ValueKind);
        Assert.Equal("FLAT", json.RootElement.GetProperty("positions")[0].GetProperty("side").GetString());
    }

    [Fact]
    public async Task Health_RedisGone_BridgeServiceNotServingWhileTheServerStaysServing()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var server = await LiveRiskTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["RiskGrpc:Nautilus:Enabled"] = "true",
            ["RiskGrpc:Nautilus:Redis"] = redis.ConnectionString,
            ["RiskGrpc:Nautilus:Streams:0"] = Stream,
            ["RiskGrpc:Nautilus:ReconnectMaxDelay"] = "00:00:00.200",
        });
        var health = new Grpc.Health.V1.Health.HealthClient(server.Channel);

        await WaitForStatusAsync(health, NautilusBridgeFeature.HealthServiceName, Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        await redis.StopAsync();
        await WaitForStatusAsync(health, NautilusBridgeFeature.HealthServiceName, Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing);

        var overall = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest()).ResponseAsync.DefaultTimeout();
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, overall.Status);
    }

    [Fact]
    public async Task Server_BridgeDisabledByDefault_RegistersNothing()
    {
        await using var server = await LiveRiskTestServer.StartAsync();

        Assert.Null(server.Services.GetService<NautilusBridgeStatistics>());
    }

    [Fact]
    public async Task Server_BridgeEnabledWithoutStreams_FailsAtStartNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => LiveRiskTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["RiskGrpc:Nautilus:Enabled"] = "true",
            ["RiskGrpc:Nautilus:PublishStream"] = "trader-TRADER-001:stream",
        }));

        Assert.Contains("PublishStream", ex.Message, StringComparison.Ordinal);
    }

    private static async Task WaitForStatusAsync(Grpc.Health.V1.Health.HealthClient health, string service, Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus expected)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var response = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest { Service = service }).ResponseAsync.DefaultTimeout();
            if (response.Status == expected)
            {
                return;
            }

            Assert.True(waited.Elapsed < TaskTimeoutExtensions.DefaultTimeoutSpan, $"{service} stayed {response.Status}, expected {expected}");
            await Task.Delay(20);
        }
    }

    private static async Task<LiveRiskUpdate> NextAsync(AsyncServerStreamingCall<WatchResponse> watch)
    {
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());
        return watch.ResponseStream.Current.Update;
    }

    private static async Task<string> WaitForAsync(Func<Task<string?>> probe)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(waited.Elapsed < TaskTimeoutExtensions.DefaultTimeoutSpan, "timed out waiting for the published risk");
            await Task.Delay(10);
        }
    }

    private static List<NameValueEntry[]> LoadSample(string file) => File.ReadLines(SharedData.DataFile(file))
        .Where(l => l.Length > 0)
        .Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var base64 = doc.RootElement.TryGetProperty("base64_fields", out var b) ? b.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
            return doc.RootElement.GetProperty("fields").EnumerateObject()
                .Select(p => new NameValueEntry(p.Name, base64.Contains(p.Name) ? Convert.FromBase64String(p.Value.GetString()!) : Encoding.UTF8.GetBytes(p.Value.GetString()!)))
                .ToArray();
        })
        .ToList();
}
