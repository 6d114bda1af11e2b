using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RiskGrpc.Engine.Live;
using RiskGrpc.Nautilus.Engine;
using RiskGrpc.Nautilus.Publishing;
using RiskGrpc.Nautilus.Redis;
using RiskGrpc.Nautilus.State;
using StackExchange.Redis;

namespace RiskGrpc.Nautilus.Hosting;

/// <summary>
/// Runs the bridge: the stream reader (own blocking connection), the engine feed (a writer session on the live risk
/// engine) and the risk publisher (a second, ordinary connection that also reconnects by itself).
/// </summary>
internal sealed class NautilusBridgeService(
    NautilusOptions options,
    LiveRiskEngine engine,
    NautilusPortfolioViews views,
    NautilusBridgeStatistics statistics,
    NautilusBridgeMetrics metrics,
    TimeProvider time,
    ILogger<NautilusBridgeService> logger) : BackgroundService
{
    /// <summary>The counters' meter (kept alive with the service).</summary>
    public NautilusBridgeMetrics Metrics { get; } = metrics;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NautilusBridgeLog.Started(
            logger,
            string.Join(", ", options.Streams),
            options.StreamPerTopic ? "stream per topic" : "single stream",
            options.Encoding,
            options.Protocol.ToString(),
            options.EffectivePublishStream);

        var state = new NautilusBridgeState(options);
        RiskPublisher? publisher = null;
        var feed = new NautilusEngineFeed(engine, id => publisher!.MarkDirty(id), statistics, logger);
        publisher = new RiskPublisher(options, views.Get, feed.Latest, statistics, time, logger);
        var reader = new NautilusStreamReader(options, state, feed, views.Set, statistics, time, logger);

        var publishConfiguration = ConfigurationOptions.Parse(options.Redis);
        publishConfiguration.Protocol = options.Protocol;
        publishConfiguration.AbortOnConnectFail = false;
        publishConfiguration.ClientName = "riskgrpc-nautilus-publisher";
        var publishConnection = await ConnectionMultiplexer.ConnectAsync(publishConfiguration).ConfigureAwait(false);
        try
        {
            var publishing = publisher.RunAsync(() => publishConnection.IsConnected ? publishConnection.GetDatabase() : null, stoppingToken);
            var reading = reader.RunAsync(stoppingToken);
            await Task.WhenAll(publishing, reading).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await feed.DisposeAsync().ConfigureAwait(false);
            await publishConnection.DisposeAsync().ConfigureAwait(false);
            NautilusBridgeLog.Stopped(logger);
        }
    }
}
