using RiskGrpc.Engine.Live;
using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.Nautilus.State;

/// <summary>Position and account events, portfolio keys and views.</summary>
internal sealed partial class NautilusBridgeState
{
    private void ApplyPosition(PositionEventMessage position, string entryId, long received)
    {
        // Quotes earlier in the batch go to the engine first, so its events keep bus order.
        FlushMarks();
        var portfolio = Touch(PortfolioOf(position.TraderId, position.StrategyId, position.AccountId), entryId, position.TsEvent);
        if (position.Kind == PositionEventKind.Opened
            && portfolio.Positions.TryGetValue(position.PositionId, out var previous)
            && previous is { Kind: PositionEventKind.Closed, RealizedPnl: { } closedPnl })
        {
            var banked = portfolio.BankedRealized.GetValueOrDefault(previous.InstrumentId, new Money(0m, closedPnl.Currency));
            if (banked.Currency != closedPnl.Currency)
            {
                throw new FormatException($"position {position.PositionId} changed settlement currency from {banked.Currency} to {closedPnl.Currency}");
            }

            portfolio.BankedRealized[previous.InstrumentId] = banked with { Amount = banked.Amount + closedPnl.Amount };
        }

        portfolio.Positions[position.PositionId] = position;
        Attach(portfolio, position.AccountId);
        if (position.RealizedPnl is { } realized)
        {
            NoteScale(realized);
        }

        var instrument = position.InstrumentId;
        var net = portfolio.NetQuantity(instrument);
        var held = portfolio.EngineQuantities.GetValueOrDefault(instrument);
        var delta = net - held;
        if (delta == 0)
        {
            return;
        }

        var multiplier = _options.MultiplierOf(instrument);
        var px = position.LastPx > 0 ? position.LastPx : _marks.GetValueOrDefault(instrument).Effective ?? position.AvgPxOpen;
        if (px <= 0)
        {
            // The engine needs a positive trade price; the view still shows the position.
            return;
        }

        portfolio.EngineQuantities[instrument] = net;
        if (!_holders.TryGetValue(instrument, out var holders))
        {
            _holders[instrument] = holders = [];
        }

        holders.Add(portfolio);
        Sequenced(portfolio, new LiveEvent
        {
            Kind = LiveEventKind.PositionChange,
            Instrument = instrument,
            Quantity = (double)delta,
            Price = (double)(px * multiplier),
            Timestamp = NautilusTimestamp.ToDateTimeOffset(position.TsEvent),
            ReceivedTimestamp = received,
        });
    }

    private void ApplyAccount(AccountStateMessage account, string entryId)
    {
        if (_accounts.TryGetValue(account.AccountId, out var known) && known.TsEvent > account.TsEvent)
        {
            return;
        }

        _accounts[account.AccountId] = account;
        if (_options.PortfolioKey == NautilusPortfolioKey.Account)
        {
            Attach(GetOrCreate(_options.PortfolioIdPrefix + account.AccountId), account.AccountId);
        }

        if (_accountPortfolios.TryGetValue(account.AccountId, out var portfolios))
        {
            foreach (var portfolio in portfolios)
            {
                Touch(portfolio, entryId, account.TsEvent);
            }
        }
    }

    private NautilusPortfolio PortfolioOf(string traderId, string strategyId, string accountId) => GetOrCreate(_options.PortfolioIdPrefix + (_options.PortfolioKey switch
    {
        NautilusPortfolioKey.Trader => traderId,
        NautilusPortfolioKey.Account => accountId,
        _ => strategyId,
    }));

    private NautilusPortfolio GetOrCreate(string id)
    {
        if (!_portfolios.TryGetValue(id, out var portfolio))
        {
            _portfolios[id] = portfolio = new NautilusPortfolio(id) { ResyncCount = RebuildingAfterGap ? 1 : 0 };
        }

        return portfolio;
    }

    private NautilusPortfolio Touch(NautilusPortfolio portfolio, string entryId, ulong tsEvent)
    {
        portfolio.Sequence++;
        if (Redis.StreamId.Parse(entryId) > Redis.StreamId.Parse(portfolio.LastEntryId))
        {
            portfolio.LastEntryId = entryId;
        }

        portfolio.TsEvent = Math.Max(portfolio.TsEvent, tsEvent);
        _touched.Add(portfolio);
        return portfolio;
    }

    private void Attach(NautilusPortfolio portfolio, string accountId)
    {
        if (!portfolio.Accounts.Add(accountId))
        {
            return;
        }

        if (!_accountPortfolios.TryGetValue(accountId, out var portfolios))
        {
            _accountPortfolios[accountId] = portfolios = [];
        }

        portfolios.Add(portfolio);
    }

    private void Sequenced(NautilusPortfolio portfolio, LiveEvent evt)
    {
        _events.Add(evt with { PortfolioId = portfolio.Id, Sequence = ++portfolio.EngineSequence });
        _sentToEngine.Add(portfolio);
    }

    private void NoteScale(Money money) =>
        _currencyScales[money.Currency] = Math.Max(_currencyScales.GetValueOrDefault(money.Currency), money.Scale);

    private PortfolioView BuildView(NautilusPortfolio portfolio)
    {
        var positions = new List<PositionView>();
        var realized = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var unrealized = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var netExposure = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var grossExposure = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var group in portfolio.Positions.Values.GroupBy(p => p.InstrumentId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var view = Holding(group.Key, group.ToList(), portfolio.BankedRealized.GetValueOrDefault(group.Key));
            positions.Add(view);
            Add(realized, view.RealizedPnl.Currency, view.RealizedPnl.Amount);
            Add(unrealized, view.Currency, view.UnrealizedPnl);
            var exposure = view.SignedQty * view.Mark * view.Multiplier;
            Add(netExposure, view.Currency, exposure);
            Add(grossExposure, view.Currency, Math.Abs(exposure));
        }

        var accounts = portfolio.Accounts.Where(_accounts.ContainsKey).Select(a => _accounts[a]).ToList();
        return new PortfolioView(
            portfolio.Id,
            portfolio.Sequence,
            portfolio.ResyncCount,
            portfolio.LastEntryId,
            portfolio.TsEvent,
            portfolio.Fills,
            positions,
            realized,
            unrealized,
            netExposure,
            grossExposure,
            accounts);
    }

    private PositionView Holding(string instrument, List<PositionEventMessage> positions, Money banked)
    {
        decimal net = 0, cost = 0, realized = banked.Amount;
        var settlement = banked == default ? null : banked.Currency;
        var latest = positions[0];
        foreach (var p in positions)
        {
            net += p.SignedQty;
            cost += p.SignedQty * p.AvgPxOpen;
            if (p.RealizedPnl is { } r)
            {
                realized += r.Amount;
                settlement ??= r.Currency;
            }

            if (p.TsEvent > latest.TsEvent)
            {
                latest = p;
            }
        }

        // No quote or bar yet: the last trade price of the position is the best mark there is.
        var mark = _marks.GetValueOrDefault(instrument).Effective ?? latest.LastPx;
        var multiplier = _options.MultiplierOf(instrument);
        var unrealizedPnl = Round((net * mark - cost) * multiplier, latest.Currency);
        var side = net > 0 ? "LONG" : net < 0 ? "SHORT" : "FLAT";
        var avg = net == 0 ? 0 : cost / net;
        settlement ??= latest.Currency;
        return new PositionView(instrument, side, net, avg, new Money(Round(realized, settlement), settlement), unrealizedPnl, latest.Currency, mark, multiplier);
    }

    private decimal Round(decimal amount, string currency) =>
        _currencyScales.TryGetValue(currency, out var scale) ? decimal.Round(amount, scale, MidpointRounding.ToEven) : amount;

    private static void Add(SortedDictionary<string, decimal> sums, string currency, decimal amount) =>
        sums[currency] = sums.GetValueOrDefault(currency) + amount;
}
