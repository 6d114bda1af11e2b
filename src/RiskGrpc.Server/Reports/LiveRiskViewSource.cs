using RiskGrpc.Engine.Live;
using RiskGrpc.Reports.Model;

namespace RiskGrpc.Server.Reports;

/// <summary>
/// Reads a portfolio's current live-risk state for a report: a short-lived watch session on the live engine whose first
/// update is the portfolio's current state. A portfolio nobody wrote to has an empty state (no event applied), which
/// counts as none; the wait is bounded in case nothing is published.
/// </summary>
internal sealed class LiveRiskViewSource(LiveRiskEngine engine)
{
    /// <summary>How long to wait for the first update before concluding the portfolio has no live state.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(1);

    /// <summary>The view, or null when the portfolio has no live state.</summary>
    public async Task<LiveRiskView?> ReadAsync(string portfolioId, CancellationToken cancellationToken)
    {
        var session = engine.OpenSession();
        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(Wait);
            await session.WatchAsync(portfolioId, wait.Token).ConfigureAwait(false);
            var scratch = new LiveRiskSnapshot();
            while (await session.Outbox.WaitToReadAsync(wait.Token).ConfigureAwait(false))
            {
                while (session.Outbox.TryRead(out var item))
                {
                    if (item.Kind == LiveOutboxItemKind.Update && item.Subscription!.TakeLatest(scratch))
                    {
                        // Watching a portfolio nobody wrote to publishes its empty initial state: that is "no live state".
                        return scratch.LastAppliedSequence == 0 && scratch.TotalObservations == 0 ? null : LiveRiskView.From(scratch);
                    }
                }
            }

            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            await session.CompleteAsync().ConfigureAwait(false);
        }
    }
}
