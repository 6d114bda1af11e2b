using RiskGrpc.Nautilus.Decoding;

namespace RiskGrpc.Nautilus.Tests.Decoding;

public sealed class NautilusTimestampTests
{
    [Theory]
    [InlineData("1704186000001000000", 1704186000001000000UL)]
    [InlineData("2024-01-02T09:00:00.001000000Z", 1704186000001000000UL)]
    [InlineData("2024-01-02T09:10:05.123456789+00:00", 1704186605123456789UL)]
    [InlineData("2024-01-02T10:10:05.123456789+01:00", 1704186605123456789UL)]
    [InlineData("2024-01-02T09:10:05Z", 1704186605000000000UL)]
    [InlineData("2024-01-02T09:10:05.5Z", 1704186605500000000UL)]
    public void Parse_DigitStringOrIso8601_GivesUnixNanoseconds(string text, ulong expected) =>
        Assert.Equal(expected, NautilusTimestamp.Parse(text));

    [Fact]
    public void From_Integers_AreTakenAsNanoseconds()
    {
        Assert.Equal(5UL, NautilusTimestamp.From(5L));
        Assert.Equal(ulong.MaxValue, NautilusTimestamp.From(ulong.MaxValue));
        Assert.Equal(12UL, NautilusTimestamp.From(12m));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("2024-01-02T09:10:05.1234567891Z")]
    [InlineData("not a time")]
    [InlineData("1960-01-01T00:00:00Z")]
    public void Parse_Invalid_Throws(string text) => Assert.Throws<FormatException>(() => NautilusTimestamp.Parse(text));

    [Fact]
    public void From_NegativeOrFractional_Throws()
    {
        Assert.Throws<FormatException>(() => NautilusTimestamp.From(-1L));
        Assert.Throws<FormatException>(() => NautilusTimestamp.From(1.5m));
        Assert.Throws<FormatException>(() => NautilusTimestamp.From(1.5d));
    }

    [Theory]
    [InlineData("-1.36 USD", -1.36, "USD", 2)]
    [InlineData("0.00100000 BTC", 0.001, "BTC", 8)]
    [InlineData("1500 JPY", 1500, "JPY", 0)]
    public void MoneyParse_AmountAndCurrency_KeepTheScale(string text, double amount, string currency, int scale)
    {
        var money = Money.Parse(text);

        Assert.Equal((decimal)amount, money.Amount);
        Assert.Equal(currency, money.Currency);
        Assert.Equal(scale, money.Scale);
        Assert.Equal(text, money.ToString());
    }

    [Theory]
    [InlineData("1.36")]
    [InlineData("1.36 USD X")]
    [InlineData("abc USD")]
    [InlineData(" USD")]
    public void MoneyParse_Invalid_Throws(string text) => Assert.Throws<FormatException>(() => Money.Parse(text));
}
