using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RiskGrpc.Engine.Live;
using RiskGrpc.Nautilus.Decoding;
using RiskGrpc.Nautilus.Hosting;
using RiskGrpc.TestUtils;
using StackExchange.Redis;

namespace RiskGrpc.Nautilus.Tests.Redis;

/// <summary>
/// A real redis-server, a live risk engine and the bridge's hosted service, plus a plain client connection for the
/// test to XADD with and read the published risk back.
/// </summary>
internal sealed class BridgeHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private NautilusBridgeService? _service;
    private bool _stopped;

    private BridgeHarness(RedisServerProcess redis, ConnectionMultiplexer client, NautilusOptions options)
    {
        Redis = redis;
        Client = client;
        Options = options;
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Engine = NewEngine();
    }

    public RedisServerProcess Redis { get; }

    public ConnectionMultiplexer Client { get; }

    public IDatabase Db => Client.GetDatabase();

    public NautilusOptions Options { get; }

    /// <summary>The meter factory of this harness (meters of other tests' harnesses have another scope).</summary>
    public IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    /// <summary>The live risk engine; a bridge restart gets a fresh one, as a server restart would.</summary>
    public LiveRiskEngine Engine { get; private set; }

    public NautilusPortfolioViews Views { get; private set; } = new();

    public NautilusBridgeStatistics Statistics { get; private set; } = new();

    public ListLogger<NautilusBridgeService> Logs { get; private set; } = new();

    public static async Task<BridgeHarness> StartAsync(Action<NautilusOptions>? configure = null, bool startBridge = true)
    {
        var redis = await RedisServerProcess.StartAsync();
        var options = new NautilusOptions { Enabled = true, Redis = redis.ConnectionString, Encoding = NautilusEncoding.Json, BlockMilliseconds = 50 };
        options.ReconnectMinDelay = TimeSpan.FromMilliseconds(50);
        options.ReconnectMaxDelay = TimeSpan.FromMilliseconds(400);
        options.GapCheckInterval = TimeSpan.FromMilliseconds(200);
        options.KeyDiscoveryInterval = TimeSpan.FromMilliseconds(100);
        options.CheckpointInterval = TimeSpan.Zero;
        configure?.Invoke(options);
        options.Validate();
        var clientOptions = ConfigurationOptions.Parse(redis.ConnectionString);
        clientOptions.AbortOnConnectFail = false;
        clientOptions.AllowAdmin = true;
        var client = await ConnectionMultiplexer.ConnectAsync(clientOptions);
        var harness = new BridgeHarness(redis, client, options);
        if (startBridge)
        {
            await harness.StartBridgeAsync();
        }

        return harness;
    }

    /// <summary>Starts a fresh bridge (new state, views, counters; a new engine after a stop), as a server restart would.</summary>
    public async Task StartBridgeAsync()
    {
        if (_stopped)
        {
            await Engine.DisposeAsync();
            Engine = NewEngine();
            _stopped = false;
        }

        Views = new NautilusPortfolioViews();
        Statistics = new NautilusBridgeStatistics();
        Logs = new ListLogger<NautilusBridgeService>();
        _service = new NautilusBridgeService(Options, Engine, Views, Statistics, new NautilusBridgeMetrics(_services.GetRequiredService<IMeterFactory>(), Statistics), TimeProvider.System, Logs);
        await _service.StartAsync(CancellationToken.None).DefaultTimeout();
    }

    public async Task StopBridgeAsync()
    {
        if (_service is { } service)
        {
            _service = null;
            await service.StopAsync(CancellationToken.None).DefaultTimeout();
            service.Dispose();
            _stopped = true;
        }
    }

    private LiveRiskEngine NewEngine() =>
        new(new LiveRiskOptions { Partitions = 2 }, TimeProvider.System, _services.GetRequiredService<IMeterFactory>(), new NullDiagnostics());

    /// <summary>XADDs one entry with its fields in order; returns its id.</summary>
    public async Task<string> AddAsync(string stream, IReadOnlyList<KeyValuePair<string, ReadOnlyMemory<byte>>> fields)
    {
        var entries = fields.Select(f => new NameValueEntry(f.Key, f.Value.ToArray())).ToArray();
        return (await Db.StreamAddAsync(stream, entries).DefaultTimeout()).ToString()!;
    }

    /// <summary>Waits until the bridge has processed the entry <paramref name="entryId"/> (or a later one).</summary>
    public Task WaitProcessedAsync(string entryId) =>
        WaitUntilAsync(() => Nautilus.Redis.StreamId.Parse(Statistics.LastEntryId) >= Nautilus.Redis.StreamId.Parse(entryId), $"entry {entryId} processed (last {Statistics.LastEntryId})");

    /// <summary>Polls <paramref name="condition"/> every 5 ms for up to the default timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > TaskTimeoutExtensions.DefaultTimeoutSpan)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Every published risk entry, decoded with the bridge's own decoder.</summary>
    public async Task<List<(string Id, string Topic, PortfolioRiskMessage Risk)>> ReadPublishedAsync()
    {
        var entries = await Db.StreamRangeAsync(Options.EffectivePublishStream).DefaultTimeout();
        return entries.Select(e =>
        {
            Assert.Equal(["topic", "payload"], e.Values.Select(v => (string)v.Name!));
            var fields = e.Values.Select(v => new KeyValuePair<string, ReadOnlyMemory<byte>>(v.Name!, (byte[])v.Value!)).ToList();
            var decoded = EnvelopeDecoder.Decode(fields, Options.PublishEncoding);
            Assert.Null(decoded.Error);
            return (e.Id.ToString()!, decoded.Topic!, Assert.IsType<PortfolioRiskMessage>(decoded.Message));
        }).ToList();
    }

    /// <summary>Waits until a published entry satisfies <paramref name="match"/>; returns it.</summary>
    public async Task<PortfolioRiskMessage> WaitPublishedAsync(Func<PortfolioRiskMessage, bool> match, string what)
    {
        PortfolioRiskMessage? found = null;
        var waited = Stopwatch.StartNew();
        while (found is null)
        {
            found = (await ReadPublishedAsync()).Select(p => p.Risk).LastOrDefault(match);
            if (found is null)
            {
                if (waited.Elapsed > TaskTimeoutExtensions.DefaultTimeoutSpan)
                {
                    throw new TimeoutException("timed out waiting for published " + what);
                }

                await Task.Delay(10);
            }
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await StopBridgeAsync();
        await Engine.DisposeAsync();
        await _services.DisposeAsync();
        await Client.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
