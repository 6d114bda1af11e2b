using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RiskGrpc.Engine.Live;

namespace RiskGrpc.Nautilus.Engine;

/// <summary>
/// The bridge's writer session on the live risk engine: it submits the events the bus produced (so Nautilus
/// portfolios are ordinary live portfolios, watchable through <c>LiveRiskService/Watch</c>) and drains the session's
/// outbox into the latest <see cref="EngineRisk"/> per portfolio, calling <c>onUpdate</c> for each.
/// </summary>
internal sealed class NautilusEngineFeed : IAsyncDisposable
{
    private readonly LiveRiskEngine _engine;
    private readonly Action<string> _onUpdate;
    private readonly NautilusBridgeStatistics _statistics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, EngineRisk> _latest = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private LiveSession _session;
    private Task _drain;

    public NautilusEngineFeed(LiveRiskEngine engine, Action<string> onUpdate, NautilusBridgeStatistics statistics, ILogger logger)
    {
        _engine = engine;
        _onUpdate = onUpdate;
        _statistics = statistics;
        _logger = logger;
        _session = engine.OpenSession();
        _drain = Task.Run(() => DrainAsync(_session), CancellationToken.None);
    }

    /// <summary>The engine's latest risk of <paramref name="portfolioId"/>, or null before its first update.</summary>
    public EngineRisk? Latest(string portfolioId) => _latest.GetValueOrDefault(portfolioId);

    /// <summary>Submits events in order (waits while the session's in-flight limit is reached).</summary>
    public async ValueTask SubmitAsync(List<LiveEvent> events, CancellationToken cancellationToken)
    {
        foreach (var evt in events)
        {
            if (!_session.IsActive)
            {
                // The outbox overflowed (the drain loop fell far behind): a fresh session claims the portfolios again.
                _session = _engine.OpenSession();
                _drain = Task.Run(() => DrainAsync(_session), CancellationToken.None);
            }

            await _session.SubmitAsync(evt, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _session.CompleteAsync().ConfigureAwait(false);
        await _drain.ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task DrainAsync(LiveSession session)
    {
        var buffer = new LiveRiskSnapshot();
        try
        {
            await foreach (var item in session.Outbox.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                switch (item.Kind)
                {
                    case LiveOutboxItemKind.Update when item.Subscription!.TakeLatest(buffer):
                        _latest[buffer.PortfolioId] = EngineRisk.From(buffer);
                        _onUpdate(buffer.PortfolioId);
                        break;
                    case LiveOutboxItemKind.Acknowledgement:
                        // Only a duplicate sequence is acknowledged (the engine already had it): publish the view anyway.
                        _onUpdate(item.Acknowledgement.PortfolioId);
                        break;
                    case LiveOutboxItemKind.Error:
                        _statistics.OnEngineRejection();
                        NautilusBridgeLog.EngineRejected(_logger, item.Error.PortfolioId, item.Error.Message);
                        _onUpdate(item.Error.PortfolioId);
                        break;
                }
            }
        }
        catch (LiveSessionOverflowException ex)
        {
            NautilusBridgeLog.SessionEnded(_logger, ex.Message);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }
}
