using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Nautilus.Decoding;
using RiskGrpc.NautilusLatency;
using RiskGrpc.Server.Hosting;
using RiskGrpc.TestUtils;
using StackExchange.Redis;

// End-to-end latency of the Nautilus bridge: paced XADDs of position changes and quotes (as a node writes them) to
// (a) the PortfolioRisk entry the bridge publishes, read back from Redis, and (b) a gRPC Watch update.
var options = LatencyOptions.Parse(args);
const string Stream = "trader-TRADER-LAT:stream";
const string PublishStream = "risk-TRADER-LAT:stream";

await using var redis = await RedisServerProcess.StartAsync();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Kestrel:Endpoints:Grpc:Url"] = "http://127.0.0.1:0",
    ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
    ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0",
    ["Kestrel:Endpoints:Http:Protocols"] = "Http1",
    ["RiskGrpc:Nautilus:Enabled"] = "true",
    ["RiskGrpc:Nautilus:Redis"] = redis.ConnectionString,
    ["RiskGrpc:Nautilus:Protocol"] = options.Protocol.ToString(),
    ["RiskGrpc:Nautilus:Encoding"] = options.Encoding.ToString(),
    ["RiskGrpc:Nautilus:PublishEncoding"] = options.Encoding.ToString(),
    ["RiskGrpc:Nautilus:Streams:0"] = Stream,
    ["RiskGrpc:Nautilus:TraderId"] = "TRADER-LAT",
});
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.AddRiskGrpcServer();
var app = builder.Build();
app.MapRiskGrpcServices();
await app.StartAsync();
var grpcUrl = app.Services.GetRequiredService<KestrelEndpointRegistry>().Get("Grpc").Url;

var portfolioIds = Enumerable.Range(0, options.Portfolios).Select(p => "nautilus:" + BusPayloads.Strategy(p)).ToArray();
var indexOf = portfolioIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
var total = options.Warmup + options.Count;
var recorder = new LatencyRecorder(options.Portfolios, total);

using var channel = GrpcChannel.ForAddress(grpcUrl);
var client = new LiveRiskService.LiveRiskServiceClient(channel);
using var stop = new CancellationTokenSource();
using var watch = client.Watch(new WatchRequest { PortfolioIds = { portfolioIds } }, cancellationToken: stop.Token);
var watching = Task.Run(async () =>
{
    try
    {
        while (await watch.ResponseStream.MoveNext(stop.Token))
        {
            var update = watch.ResponseStream.Current.Update;
            recorder.OnWatch(indexOf[update.PortfolioId], update.LastAppliedSequence, Stopwatch.GetTimestamp());
        }
    }
    catch (Grpc.Core.RpcException) when (stop.IsCancellationRequested)
    {
    }
});

var readerOptions = ConfigurationOptions.Parse(redis.ConnectionString);
readerOptions.AsyncTimeout = 5000;
await using var readerConnection = await ConnectionMultiplexer.ConnectAsync(readerOptions);
var reading = Task.Run(async () =>
{
    var db = readerConnection.GetDatabase();
    var last = "0-0";
    while (!stop.IsCancellationRequested)
    {
        var reply = await db.ExecuteAsync("XREAD", "COUNT", 1000, "BLOCK", 50, "STREAMS", PublishStream, last);
        if (reply.IsNull)
        {
            continue;
        }

        var now = Stopwatch.GetTimestamp();
        var items = (RedisResult[])reply!;
        var entries = reply.Resp3Type == ResultType.Map ? (RedisResult[])items[1]! : (RedisResult[])((RedisResult[])items[0]!)[1]!;
        foreach (var raw in entries)
        {
            var entry = (RedisResult[])raw!;
            last = (string)entry[0]!;
            var values = (RedisResult[])entry[1]!;
            var fields = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>
            {
                new((string)values[0]!, (byte[])values[1]!),
                new((string)values[2]!, (byte[])values[3]!),
            };
            var risk = (PortfolioRiskMessage)EnvelopeDecoder.Decode(fields, options.Encoding).Message!;
            var source = risk.SourceEntryId;
            recorder.OnPublished(indexOf[risk.PortfolioId], long.Parse(source[(source.IndexOf('-', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture), now, risk);
        }
    }
});

await using var producerConnection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
var producer = producerConnection.GetDatabase();
var baseMs = (ulong)TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
var ts = baseMs * 1_000_000;

// Open one position per portfolio (sequence 1 of each), then pace the warmup and measured events.
for (var p = 0; p < options.Portfolios; p++)
{
    await producer.StreamAddAsync(Stream, BusPayloads.Position(options.Encoding, "Opened", p, 1000m, 1.0m, ++ts), messageId: $"{baseMs}-{p}");
}

var opened = (long)options.Portfolios;
await Task.Delay(500);
var sends = new List<Task>(total);
var clock = Stopwatch.StartNew();
for (var k = 0; k < total; k++)
{
    // Sleep, never spin: a spinning producer would take a core from the server under test. An entry is sent up to
    // 1 ms early rather than late, so the mean rate is kept and the jitter is below one entry interval.
    var wait = TimeSpan.FromSeconds(k / (double)options.Rate) - clock.Elapsed;
    if (wait >= TimeSpan.FromMilliseconds(1))
    {
        Thread.Sleep(wait);
    }

    var p = k % options.Portfolios;
    var round = k / options.Portfolios;
    var fields = round % 2 == 0
        ? BusPayloads.Quote(options.Encoding, p, 1.0m + (0.0001m * ((round % 50) + 1)), ++ts)
        : BusPayloads.Position(options.Encoding, "Changed", p, 1000m + round, 1.0m + (0.0001m * (round % 50)), ++ts);
    var id = opened + k;
    recorder.OnSent(k, p, id, Stopwatch.GetTimestamp());
    sends.Add(producer.StreamAddAsync(Stream, fields, messageId: $"{baseMs}-{id}"));
}

await Task.WhenAll(sends);
var sendSeconds = clock.Elapsed.TotalSeconds;
var settled = Stopwatch.StartNew();
while (!recorder.AllCovered() && settled.Elapsed < TimeSpan.FromSeconds(15))
{
    await Task.Delay(20);
}

await stop.CancelAsync();
await Task.WhenAll(watching, reading).WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
await app.StopAsync();

// The command as run from the repository root, without machine-specific absolute paths.
var command = string.Join(' ', Environment.GetCommandLineArgs().Select((a, i) => i == 0 ? "dotnet " + Path.GetRelativePath(Environment.CurrentDirectory, a) : a));
var report = recorder.Report(options, sendSeconds, command);
Console.WriteLine(report);
if (options.Output is { } output)
{
    await File.WriteAllTextAsync(output, report);
}

return recorder.Lost == 0 ? 0 : 1;
