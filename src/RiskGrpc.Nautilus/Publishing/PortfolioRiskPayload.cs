using RiskGrpc.Engine.Live;
using RiskGrpc.Nautilus.Engine;
using RiskGrpc.Nautilus.State;

namespace RiskGrpc.Nautilus.Publishing;

/// <summary>
/// The <c>PortfolioRisk</c> payload, in the v1 serializer's conventions: <c>type</c> first, prices, quantities and
/// money as decimal strings (money as <c>"&lt;amount&gt; &lt;CCY&gt;"</c> per position, per-currency maps at portfolio
/// level), <c>ts_*</c> as digit strings of UNIX ns. Metrics outside the engine's selection are omitted; a metric
/// the window cannot give yet (NaN) is null.
/// </summary>
internal static class PortfolioRiskPayload
{
    /// <summary>The payload <c>type</c>.</summary>
    public const string TypeName = "PortfolioRisk";

    /// <summary>The topic of a portfolio's entries.</summary>
    public static string TopicOf(string portfolioId) => "risk.portfolio." + portfolioId;

    /// <summary>Builds the payload of <paramref name="view"/> and the engine's <paramref name="risk"/> (null before its first update).</summary>
    public static OrderedPayload Build(PortfolioView view, EngineRisk? risk, bool resync, ulong tsInit)
    {
        var payload = new OrderedPayload
        {
            { "type", TypeName },
            { "portfolio_id", view.PortfolioId },
            { "sequence", view.Sequence },
            { "resync", resync },
            { "resync_count", view.ResyncCount },
            { "source_entry_id", view.LastEntryId },
            { "fills", view.Fills },
            { "positions", view.Positions.Select(Position).ToList() },
            { "realized_pnl", ByCurrency(view.RealizedPnl) },
            { "unrealized_pnl", ByCurrency(view.UnrealizedPnl) },
            { "net_exposure", ByCurrency(view.NetExposure) },
            { "gross_exposure", ByCurrency(view.GrossExposure) },
            { "accounts", view.Accounts.Select(Account).ToList() },
            { "metrics", risk is null ? null : Metrics(risk) },
            { "ts_event", view.TsEvent.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "ts_init", tsInit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return payload;
    }

    private static OrderedPayload Position(PositionView p) => new()
    {
        { "instrument_id", p.InstrumentId },
        { "side", p.Side },
        { "quantity", p.Quantity },
        { "signed_qty", p.SignedQty },
        { "avg_px_open", p.AvgPxOpen },
        { "mark", p.Mark },
        { "multiplier", p.Multiplier },
        { "realized_pnl", p.RealizedPnl.ToString() },
        { "unrealized_pnl", new Decoding.Money(p.UnrealizedPnl, p.Currency).ToString() },
        { "currency", p.Currency },
    };

    private static OrderedPayload Account(Decoding.AccountStateMessage a) => new()
    {
        { "account_id", a.AccountId },
        { "account_type", a.AccountType },
        { "base_currency", a.BaseCurrency },
        { "balances", a.Balances.Select(b => new OrderedPayload { { "currency", b.Currency }, { "total", b.Total }, { "locked", b.Locked }, { "free", b.Free } }).ToList() },
        { "margin_initial", a.MarginInitial },
        { "margin_maintenance", a.MarginMaintenance },
        { "ts_event", a.TsEvent.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    private static OrderedPayload ByCurrency(IReadOnlyDictionary<string, decimal> sums)
    {
        var map = new OrderedPayload();
        foreach (var (currency, amount) in sums)
        {
            map.Add(currency, amount);
        }

        return map;
    }

    private static OrderedPayload Metrics(EngineRisk risk)
    {
        var selection = risk.Selection;
        var metrics = new OrderedPayload
        {
            { "engine_sequence", risk.LastAppliedSequence },
            { "window_observations", (long)risk.WindowObservations },
            { "total_observations", risk.TotalObservations },
        };
        if (selection.HasFlag(LiveMetricSelection.Volatility))
        {
            metrics.Add("volatility", risk.Volatility);
        }

        if (selection.HasFlag(LiveMetricSelection.Sharpe))
        {
            metrics.Add("sharpe", risk.Sharpe);
        }

        if (selection.HasFlag(LiveMetricSelection.Sortino))
        {
            metrics.Add("sortino", risk.Sortino);
        }

        if (selection.HasFlag(LiveMetricSelection.Drawdown))
        {
            metrics.Add("max_drawdown", risk.MaxDrawdown);
            metrics.Add("current_drawdown", risk.CurrentDrawdown);
        }

        if (selection.HasFlag(LiveMetricSelection.Beta) && risk.HasBenchmark)
        {
            metrics.Add("beta", risk.Beta);
        }

        if (selection.HasFlag(LiveMetricSelection.TailRisk))
        {
            metrics.Add("tail_risk", risk.TailRisk.Select(t => new OrderedPayload
            {
                { "confidence", t.Confidence },
                { "var_historical", t.VarHistorical },
                { "cvar_historical", t.CvarHistorical },
                { "var_gaussian", t.VarGaussian },
                { "cvar_gaussian", t.CvarGaussian },
                { "var_cornish_fisher", t.VarCornishFisher },
                { "cvar_cornish_fisher", t.CvarCornishFisher },
            }).ToList());
        }

        if (selection.HasFlag(LiveMetricSelection.Positions))
        {
            metrics.Add("engine_gross_exposure", risk.GrossExposure);
            metrics.Add("engine_net_exposure", risk.NetExposure);
            metrics.Add("engine_total_pnl", risk.TotalPnl);
        }

        return metrics;
    }
}
