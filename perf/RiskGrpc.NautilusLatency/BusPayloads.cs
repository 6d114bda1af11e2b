using System.Globalization;
using RiskGrpc.Nautilus;
using RiskGrpc.Nautilus.Publishing;
using StackExchange.Redis;

namespace RiskGrpc.NautilusLatency;

/// <summary>v1 bus entries (fields <c>topic</c>, <c>payload</c>) as a Nautilus ≤ 1.228 node writes them.</summary>
internal static class BusPayloads
{
    public static NameValueEntry[] Position(NautilusEncoding encoding, string kind, int portfolio, decimal signedQty, decimal px, ulong ts)
    {
        var strategy = Strategy(portfolio);
        var instrument = Instrument(portfolio);
        var payload = new OrderedPayload
        {
            { "type", "Position" + kind },
            { "trader_id", "TRADER-LAT" },
            { "strategy_id", strategy },
            { "instrument_id", instrument },
            { "position_id", instrument + "-" + strategy },
            { "account_id", "SIM-001" },
            { "opening_order_id", "O-1" },
            { "entry", "BUY" },
            { "side", signedQty > 0 ? "LONG" : signedQty < 0 ? "SHORT" : "FLAT" },
            { "signed_qty", (double)signedQty },
            { "quantity", Math.Abs(signedQty) },
            { "peak_qty", Math.Abs(signedQty) },
            { "last_qty", 1m },
            { "last_px", px },
            { "currency", "USD" },
            { "avg_px_open", 1.0 },
            { "realized_pnl", "0.00 USD" },
            { "event_id", Guid.NewGuid().ToString() },
            { "ts_event", ts.ToString(CultureInfo.InvariantCulture) },
            { "ts_init", ts.ToString(CultureInfo.InvariantCulture) },
        };
        return Entry("events.position." + strategy, payload, encoding);
    }

    public static NameValueEntry[] Quote(NautilusEncoding encoding, int portfolio, decimal mid, ulong ts)
    {
        var instrument = Instrument(portfolio);
        var payload = new OrderedPayload
        {
            { "type", "QuoteTick" },
            { "instrument_id", instrument },
            { "bid_price", mid - 0.00001m },
            { "ask_price", mid + 0.00001m },
            { "bid_size", 1000000m },
            { "ask_size", 1000000m },
            { "ts_event", ts.ToString(CultureInfo.InvariantCulture) },
            { "ts_init", ts.ToString(CultureInfo.InvariantCulture) },
        };
        return Entry("data.quotes.SIM." + instrument, payload, encoding);
    }

    public static string Strategy(int portfolio) => "LAT-" + portfolio.ToString(CultureInfo.InvariantCulture);

    public static string Instrument(int portfolio) => "I" + portfolio.ToString(CultureInfo.InvariantCulture) + ".SIM";

    private static NameValueEntry[] Entry(string topic, OrderedPayload payload, NautilusEncoding encoding) =>
        [new NameValueEntry("topic", topic), new NameValueEntry("payload", PayloadWriter.Encode(payload, encoding))];
}
