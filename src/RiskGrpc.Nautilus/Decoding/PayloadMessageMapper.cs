namespace RiskGrpc.Nautilus.Decoding;

/// <summary>
/// Maps a payload map to a <see cref="BusMessage"/> by its <c>type</c>. Key lists are those of Nautilus v1.210 to
/// v1.228 (see docs/nautilus-bridge.md); keys outside them are counted as unknown and ignored.
/// </summary>
internal static class PayloadMessageMapper
{
    private static readonly HashSet<string> QuoteKeys = ["type", "instrument_id", "bid_price", "ask_price", "bid_size", "ask_size", "ts_event", "ts_init"];

    private static readonly HashSet<string> BarKeys = ["type", "bar_type", "open", "high", "low", "close", "volume", "ts_event", "ts_init"];

    private static readonly HashSet<string> FillKeys =
    [
        "type", "trader_id", "strategy_id", "instrument_id", "client_order_id", "venue_order_id", "account_id", "trade_id",
        "position_id", "order_side", "order_type", "last_qty", "last_px", "currency", "commission", "liquidity_side",
        "event_id", "ts_event", "ts_init", "info", "reconciliation",
    ];

    private static readonly HashSet<string> AccountKeys =
        ["type", "account_id", "account_type", "base_currency", "balances", "margins", "reported", "info", "event_id", "ts_event", "ts_init"];

    private static readonly HashSet<string> PositionKeys =
    [
        "type", "trader_id", "strategy_id", "instrument_id", "position_id", "account_id", "opening_order_id", "closing_order_id",
        "entry", "side", "signed_qty", "quantity", "peak_qty", "last_qty", "last_px", "currency", "avg_px_open", "avg_px_close",
        "realized_return", "realized_pnl", "unrealized_pnl", "duration_ns", "event_id", "ts_opened", "ts_closed", "ts_event", "ts_init",
    ];

    /// <summary>Types the bus carries that the bridge reads past on purpose (not counted as unknown).</summary>
    private static readonly HashSet<string> KnownIgnored =
    [
        "TradeTick", "OrderBookDelta", "OrderBookDeltas", "OrderBookDepth10", "MarkPriceUpdate", "IndexPriceUpdate",
        "FundingRateUpdate", "InstrumentStatus", "InstrumentClose", "OrderInitialized", "OrderDenied", "OrderEmulated",
        "OrderReleased", "OrderSubmitted", "OrderAccepted", "OrderRejected", "OrderCanceled", "OrderExpired", "OrderTriggered",
        "OrderPendingUpdate", "OrderPendingCancel", "OrderModifyRejected", "OrderCancelRejected", "OrderUpdated",
        "ComponentStateChanged", "TradingStateChanged", "ShutdownSystem",
    ];

    /// <summary>The message and its unknown-key count.</summary>
    /// <exception cref="FormatException">A required field is missing or mistyped.</exception>
    public static (BusMessage Message, int UnknownFields) Map(string type, PayloadMap map) => type switch
    {
        "QuoteTick" => (new QuoteTickMessage(map.String("instrument_id"), map.Decimal("bid_price"), map.Decimal("ask_price"), map.Timestamp("ts_event")), map.CountUnknown(QuoteKeys)),
        "Bar" => (Bar(map), map.CountUnknown(BarKeys)),
        "OrderFilled" => (Fill(map), map.CountUnknown(FillKeys)),
        "AccountState" => (Account(map), map.CountUnknown(AccountKeys)),
        "PositionOpened" => (Position(PositionEventKind.Opened, map), map.CountUnknown(PositionKeys)),
        "PositionChanged" => (Position(PositionEventKind.Changed, map), map.CountUnknown(PositionKeys)),
        "PositionClosed" => (Position(PositionEventKind.Closed, map), map.CountUnknown(PositionKeys)),
        "PortfolioRisk" => (PortfolioRiskMessage.From(map), 0),
        _ => (new IgnoredMessage(type, KnownIgnored.Contains(type)), 0),
    };

    private static BarMessage Bar(PayloadMap map)
    {
        var barType = map.String("bar_type");
        return new BarMessage(BarMessage.InstrumentOf(barType), map.Decimal("close"), map.Timestamp("ts_event"));
    }

    private static OrderFilledMessage Fill(PayloadMap map) => new(
        map.String("event_id"),
        map.String("trader_id"),
        map.String("strategy_id"),
        map.String("account_id"),
        map.String("instrument_id"),
        map.OptionalString("position_id"),
        map.String("order_side"),
        Positive(map.Decimal("last_qty"), "last_qty"),
        map.Decimal("last_px"),
        map.OptionalMoney("commission"),
        map.Timestamp("ts_event"));

    private static AccountStateMessage Account(PayloadMap map)
    {
        var balances = map.Maps("balances")
            .Select(b => new AccountBalance(b.String("currency"), b.Decimal("total"), b.Decimal("locked"), b.Decimal("free")))
            .ToList();
        decimal initial = 0, maintenance = 0;
        foreach (var margin in map.Maps("margins"))
        {
            initial += margin.Decimal("initial");
            maintenance += margin.Decimal("maintenance");
        }

        return new AccountStateMessage(
            map.String("account_id"),
            map.String("account_type"),
            map.OptionalString("base_currency"),
            balances,
            initial,
            maintenance,
            map.Timestamp("ts_event"));
    }

    private static PositionEventMessage Position(PositionEventKind kind, PayloadMap map)
    {
        var side = map.String("side");
        var signedQty = map.Decimal("signed_qty");
        var quantity = map.Decimal("quantity");
        if (quantity < 0 || Math.Abs(signedQty) != quantity)
        {
            throw new FormatException($"signed_qty {signedQty} does not match quantity {quantity}");
        }

        if ((side == "FLAT") != (signedQty == 0) || (side == "LONG" && signedQty < 0) || (side == "SHORT" && signedQty > 0))
        {
            throw new FormatException($"side {side} does not match signed_qty {signedQty}");
        }

        // PositionClosed has no ts_event (v1): its time is ts_closed.
        var tsEvent = map.OptionalTimestamp("ts_event") ?? map.Timestamp("ts_closed");
        return new PositionEventMessage(
            kind,
            map.String("trader_id"),
            map.String("strategy_id"),
            map.String("account_id"),
            map.String("instrument_id"),
            map.String("position_id"),
            side,
            signedQty,
            quantity,
            map.Decimal("avg_px_open"),
            map.Decimal("last_px"),
            map.String("currency"),
            map.OptionalMoney("realized_pnl"),
            map.OptionalMoney("unrealized_pnl"),
            tsEvent);
    }

    private static decimal Positive(decimal value, string name) =>
        value > 0 ? value : throw new FormatException($"{name} must be > 0, got {value}");
}
