using System.Globalization;
using System.Text;

namespace RiskGrpc.Nautilus.Tests.Redis;

/// <summary>Hand-made v1 JSON and v2 entries for scenarios.</summary>
internal static class BusEntries
{
    public static List<KeyValuePair<string, ReadOnlyMemory<byte>>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, ReadOnlyMemory<byte>>(f.Name, Encoding.UTF8.GetBytes(f.Value))).ToList();

    public static List<KeyValuePair<string, ReadOnlyMemory<byte>>> Quote(string instrument, decimal bid, decimal ask, ulong ts) => Fields(
        ("topic", "data.quotes." + instrument),
        ("payload", Invariant($"{{\"type\":\"QuoteTick\",\"instrument_id\":\"{instrument}\",\"bid_price\":\"{bid}\",\"ask_price\":\"{ask}\",\"bid_size\":\"1\",\"ask_size\":\"1\",\"ts_event\":\"{ts}\",\"ts_init\":\"{ts}\"}}")));

    public static List<KeyValuePair<string, ReadOnlyMemory<byte>>> Position(string kind, string strategy, string instrument, decimal signedQty, decimal px, decimal realized, ulong ts)
    {
        var side = signedQty > 0 ? "LONG" : signedQty < 0 ? "SHORT" : "FLAT";
        return Fields(
            ("topic", "events.position." + strategy),
            ("payload", Invariant($"{{\"type\":\"Position{kind}\",\"trader_id\":\"TRADER-001\",\"strategy_id\":\"{strategy}\",\"instrument_id\":\"{instrument}\",\"position_id\":\"{instrument}-{strategy}\",\"account_id\":\"SIM-001\",\"opening_order_id\":\"O-1\",\"entry\":\"BUY\",\"side\":\"{side}\",\"signed_qty\":{signedQty},\"quantity\":\"{Math.Abs(signedQty)}\",\"peak_qty\":\"{Math.Abs(signedQty)}\",\"last_qty\":\"1\",\"last_px\":\"{px}\",\"currency\":\"USD\",\"avg_px_open\":{px},\"realized_pnl\":\"{realized:0.00} USD\",\"duration_ns\":0,\"event_id\":\"{Guid.NewGuid()}\",\"ts_event\":\"{ts}\",\"ts_init\":\"{ts}\"}}")));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
