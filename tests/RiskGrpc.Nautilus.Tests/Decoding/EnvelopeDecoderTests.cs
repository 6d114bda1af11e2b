using System.Text;
using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.Nautilus.Tests.Decoding;

public sealed class EnvelopeDecoderTests
{
    private static List<KeyValuePair<string, ReadOnlyMemory<byte>>> Fields(params (string Name, string Value)[] fields) =>
        fields.Select(f => new KeyValuePair<string, ReadOnlyMemory<byte>>(f.Name, Encoding.UTF8.GetBytes(f.Value))).ToList();

    [Theory]
    [MemberData(nameof(SampleEvents.Files), MemberType = typeof(SampleEvents))]
    public void Decode_SampleFile_EveryEntryDecodesToItsType(string file, NautilusEncoding encoding)
    {
        var decoded = SampleEvents.Load(file).Select(f => EnvelopeDecoder.Decode(f, encoding)).ToList();

        Assert.All(decoded, d => Assert.Null(d.Error));
        Assert.All(decoded, d => Assert.Equal(0, d.UnknownFields));
        Assert.Equal(
            ["QuoteTick", "OrderFilled", "OrderFilled", "AccountState", "PositionOpened", "TradeTick", "Bar", "PositionChanged", "PositionClosed", "Heartbeat"],
            decoded.Select(d => d.Message!.TypeName));
        var opened = Assert.IsType<PositionEventMessage>(decoded[4].Message);
        Assert.Equal(100000m, opened.SignedQty);
        Assert.Equal(0.68152m, opened.AvgPxOpen);
        Assert.Equal(new Money(-1.36m, "USD"), opened.RealizedPnl);
        Assert.Equal(1704186000001000000UL, opened.TsEvent);
        var closed = Assert.IsType<PositionEventMessage>(decoded[8].Message);
        Assert.Equal(1704186600003000000UL, closed.TsEvent);
        Assert.Equal("FLAT", closed.Side);
        var bar = Assert.IsType<BarMessage>(decoded[6].Message);
        Assert.Equal("AUD/USD.SIM", bar.InstrumentId);
        var heartbeat = Assert.IsType<HeartbeatMessage>(decoded[9].Message);
        Assert.Equal(1704186605123456789UL, heartbeat.Timestamp);
        var account = Assert.IsType<AccountStateMessage>(decoded[3].Message);
        Assert.Equal(999998.64m, account.Balances[0].Total);
        Assert.Equal(2044.56m, account.MarginInitial);
    }

    [Fact]
    public void Decode_JsonAndMsgpackSamples_GiveTheSameMessages()
    {
        var json = SampleEvents.Load(SampleEvents.JsonFile).Select(f => EnvelopeDecoder.Decode(f, NautilusEncoding.Json).Message).ToList();
        var msgpack = SampleEvents.Load(SampleEvents.MsgpackFile).Select(f => EnvelopeDecoder.Decode(f, NautilusEncoding.Msgpack).Message).ToList();

        Assert.Equal(json.Count, msgpack.Count);
        for (var i = 0; i < json.Count; i++)
        {
            if (json[i] is AccountStateMessage a)
            {
                var b = Assert.IsType<AccountStateMessage>(msgpack[i]);
                Assert.Equal(a with { Balances = [] }, b with { Balances = [] });
                Assert.Equal(a.Balances, b.Balances);
            }
            else
            {
                Assert.Equal(json[i], msgpack[i]);
            }
        }
    }

    [Fact]
    public void Decode_WrongEncodingForPayload_IsMalformedNotAnException()
    {
        var entry = SampleEvents.Load(SampleEvents.JsonFile)[4];

        var decoded = EnvelopeDecoder.Decode(entry, NautilusEncoding.Msgpack);

        Assert.NotNull(decoded.Error);
        Assert.Null(decoded.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"QuoteTick\",\"instrument_id\":\"A.SIM\",\"bid_price\":\"1\"}", "ask_price is missing")]
    [InlineData("{\"type\":\"QuoteTick\",\"instrument_id\":\"A.SIM\",\"bid_price\":\"x\",\"ask_price\":\"1\",\"ts_event\":\"1\"}", "bid_price must be a decimal")]
    [InlineData("{\"type\":\"QuoteTick\",\"instrument_id\":\"A.SIM\",\"bid_price\":\"1\",\"ask_price\":\"1\",\"ts_event\":\"yesterday\"}", "ts_event")]
    [InlineData("{\"type\":\"QuoteTick\"", "malformed JSON")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("{\"instrument_id\":\"A.SIM\"}", "no type")]
    public void Decode_BadJsonPayload_ReportsTheProblem(string payload, string expected)
    {
        var decoded = EnvelopeDecoder.Decode(Fields(("topic", "data.quotes.SIM.A"), ("payload", payload)), NautilusEncoding.Json);

        Assert.Contains(expected, decoded.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"\":{}}")]
    [InlineData("{\"Filled\":{\"type\":1}}")]
    [InlineData("{\"type\":\"QuoteTick\",\"instrument_id\":\"A\",\"bid_price\":1e400,\"ask_price\":\"1\",\"ts_event\":\"1\"}")]
    [InlineData("{\"type\":\"QuoteTick\",\"instrument_id\":\"A\",\"bid_price\":\"1\",\"ask_price\":\"1\",\"ts_event\":\"99999999999999999999999\"}")]
    [InlineData("{\"type\":\"QuoteTick\",\"instrument_id\":\"A\",\"bid_price\":\"10000000000000\",\"ask_price\":\"1\",\"ts_event\":\"1\"}")]
    [InlineData("{\"type\":\"OrderFilled\",\"commission\":\"99999999999999999999999999999999 USD\"}")]
    public void Decode_HostileV2OrOutOfRangeValues_AreMalformedNeverThrown(string payload)
    {
        var decoded = EnvelopeDecoder.Decode(Fields(("topic", "t"), ("payload", payload), ("encoding", "json")), NautilusEncoding.Json);

        Assert.NotNull(decoded.Error);
    }

    [Fact]
    public void Decode_MissingPayloadField_IsMalformed()
    {
        var decoded = EnvelopeDecoder.Decode(Fields(("topic", "x")), NautilusEncoding.Json);

        Assert.Equal("the entry lacks a topic or a payload field", decoded.Error);
    }

    [Fact]
    public void Decode_DeeplyNestedMsgpack_IsRejectedByUntrustedDataLimits()
    {
        // 100 nested single-element arrays inside a map: beyond the depth the untrusted-data options allow.
        var bytes = new List<byte> { 0x81, 0xa1, (byte)'x' };
        bytes.AddRange(Enumerable.Repeat((byte)0x91, 100));
        bytes.Add(0xc0);
        var entry = new List<KeyValuePair<string, ReadOnlyMemory<byte>>>
        {
            new("topic", Encoding.UTF8.GetBytes("t")),
            new("payload", bytes.ToArray()),
        };

        var decoded = EnvelopeDecoder.Decode(entry, NautilusEncoding.Msgpack);

        Assert.Contains("malformed msgpack", decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownTypeAndUnknownFields_AreReportedNotFailed()
    {
        var unknown = EnvelopeDecoder.Decode(Fields(("topic", "x"), ("payload", "{\"type\":\"SomethingNew\",\"a\":1}")), NautilusEncoding.Json);
        var extra = EnvelopeDecoder.Decode(
            Fields(("topic", "q"), ("payload", "{\"type\":\"QuoteTick\",\"instrument_id\":\"A.SIM\",\"bid_price\":\"1.0\",\"ask_price\":\"1.2\",\"bid_size\":\"1\",\"ask_size\":\"1\",\"ts_event\":\"5\",\"ts_init\":\"6\",\"new_a\":1,\"new_b\":{}}")),
            NautilusEncoding.Json);

        Assert.Equal(new IgnoredMessage("SomethingNew", false), unknown.Message);
        Assert.Equal(2, extra.UnknownFields);
        Assert.Equal(1.1m, Assert.IsType<QuoteTickMessage>(extra.Message).Mid);
    }

    [Fact]
    public void Decode_V2Envelope_UnwrapsTheTaggedEventAndReadsIntegerTimestamps()
    {
        const string payload = "{\"PositionOpened\":{\"trader_id\":\"TRADER-001\",\"strategy_id\":\"S-1\",\"instrument_id\":\"AUD/USD.SIM\",\"position_id\":\"P-1\",\"account_id\":\"SIM-001\",\"side\":\"SHORT\",\"signed_qty\":-5000.0,\"quantity\":\"5000\",\"last_px\":\"0.70000\",\"currency\":\"USD\",\"avg_px_open\":0.7,\"realized_pnl\":\"-0.10 USD\",\"ts_event\":1704186000001000000,\"ts_init\":1704186000001000001}}";
        var fields = Fields(("topic", "events.position.S-1"), ("type", "PositionEvent"), ("payload", payload), ("encoding", "json"));

        var decoded = EnvelopeDecoder.Decode(fields, NautilusEncoding.Msgpack);

        Assert.Null(decoded.Error);
        Assert.Equal(2, decoded.EnvelopeVersion);
        var position = Assert.IsType<PositionEventMessage>(decoded.Message);
        Assert.Equal(PositionEventKind.Opened, position.Kind);
        Assert.Equal(-5000m, position.SignedQty);
        Assert.Equal(1704186000001000000UL, position.TsEvent);
    }

    [Fact]
    public void Decode_V2FilledVariant_MapsToOrderFilled()
    {
        const string payload = "{\"Filled\":{\"trader_id\":\"T\",\"strategy_id\":\"S\",\"instrument_id\":\"I.SIM\",\"account_id\":\"A\",\"order_side\":\"BUY\",\"last_qty\":\"10\",\"last_px\":\"1.5\",\"event_id\":\"e-1\",\"ts_event\":7}}";

        var decoded = EnvelopeDecoder.Decode(Fields(("topic", "events.order.S"), ("payload", payload), ("encoding", "json"), ("type", "OrderEventAny")), NautilusEncoding.Json);

        var fill = Assert.IsType<OrderFilledMessage>(decoded.Message);
        Assert.Equal("e-1", fill.EventId);
        Assert.Equal(7UL, fill.TsEvent);
    }

    [Fact]
    public void Decode_V2UnknownEncoding_IsMalformed()
    {
        var decoded = EnvelopeDecoder.Decode(Fields(("topic", "t"), ("payload", "{}"), ("encoding", "bson")), NautilusEncoding.Json);

        Assert.Contains("bson", decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PositionWithInconsistentSide_IsMalformed()
    {
        var entry = SampleEvents.Load(SampleEvents.JsonFile)[4];
        var text = Encoding.UTF8.GetString(entry[1].Value.Span).Replace("\"side\":\"LONG\"", "\"side\":\"SHORT\"", StringComparison.Ordinal);

        var decoded = EnvelopeDecoder.Decode(Fields(("topic", "p"), ("payload", text)), NautilusEncoding.Json);

        Assert.Contains("side SHORT does not match", decoded.Error, StringComparison.Ordinal);
    }
}
