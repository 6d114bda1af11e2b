using RiskGrpc.LoadClient.Cli;

namespace RiskGrpc.LoadClient.Tests.Cli;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5m", 90_000)]
    [InlineData("2m30s", 150_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("250us", 0.25)]
    public void TryParse_GoStyleDuration_ReturnsMilliseconds(string text, double expectedMs)
    {
        // Act
        var ok = DurationParser.TryParse(text, out var value);

        // Assert
        Assert.True(ok);
        Assert.Equal(expectedMs, value.TotalMilliseconds, 6);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10 sec")]
    [InlineData("-5s")]
    [InlineData("1d")]
    public void TryParse_NotADuration_ReturnsFalse(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
