using RiskGrpc.LoadClient.Cli;
using RiskGrpc.LoadClient.Unary;

namespace RiskGrpc.LoadClient.Tests.Cli;

public sealed class ArgReaderTests
{
    [Fact]
    public void UnaryOptions_NoArguments_UseDocumentedDefaults()
    {
        // Arrange
        var reader = ArgReader.Parse("unary", []);

        // Act
        var options = UnaryOptions.Parse(reader, allowCall: true);
        reader.EnsureNoneLeft();

        // Assert
        Assert.Equal(new Uri("http://127.0.0.1:5051"), options.Target);
        Assert.Equal("metrics", options.Call);
        Assert.Equal(16, options.Concurrency);
        Assert.Equal(1, options.Connections);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Warmup);
        Assert.Equal(0, options.Total);
        Assert.Equal(252, options.Returns);
        Assert.Equal("summary", options.Format);
    }

    [Fact]
    public void UnaryOptions_EveryOption_IsRead()
    {
        // Arrange
        string[] args =
        [
            "--target", "http://localhost:6000", "--concurrency", "50", "--duration=3s", "--warmup", "500ms",
            "--call", "HEALTH", "--connections", "4", "--total", "1000", "--returns", "2520", "--format", "json",
            "--seed", "7", "--timeout", "5s",
        ];
        var reader = ArgReader.Parse("unary", args);

        // Act
        var options = UnaryOptions.Parse(reader, allowCall: true);
        reader.EnsureNoneLeft();

        // Assert
        Assert.Equal(new Uri("http://localhost:6000"), options.Target);
        Assert.Equal(50, options.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(3), options.Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Warmup);
        Assert.Equal("health", options.Call);
        Assert.Equal(4, options.Connections);
        Assert.Equal(1000, options.Total);
        Assert.Equal(2520, options.Returns);
        Assert.Equal("json", options.Format);
        Assert.Equal(7, options.Seed);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Timeout);
    }

    [Fact]
    public void UnaryOptions_TotalWithoutDuration_IsStillBoundedInTime()
    {
        var reader = ArgReader.Parse("unary", ["--total", "5"]);

        var options = UnaryOptions.Parse(reader, allowCall: true);

        Assert.Equal(UnaryOptions.TotalOnlyDurationCap, options.Duration);
    }

    [Theory]
    [InlineData("unknown option --bogus", "--bogus", "1")]
    [InlineData("--concurrency must be between 1 and 10000", "--concurrency", "0")]
    [InlineData("--concurrency must be an integer", "--concurrency", "lots")]
    [InlineData("'10' is not a duration", "--duration", "10")]
    [InlineData("--duration must be between", "--duration", "2h")]
    [InlineData("--call must be one of metrics|health|batch", "--call", "stream")]
    [InlineData("--format must be one of summary|json", "--format", "xml")]
    [InlineData("--target must be an absolute http:// or https:// address", "--target", "127.0.0.1:5051")]
    [InlineData("--returns needs a value", "--returns", "")]
    [InlineData("--connections (4) cannot exceed --concurrency (2)", "--connections", "4")]
    public void UnaryOptions_BadArgument_ThrowsUsageExceptionNamingTheOption(string expected, string name, string value)
    {
        // Arrange
        var args = name == "--connections" ? new[] { name, value, "--concurrency", "2" } : [name, value];

        // Act
        var error = Assert.Throws<UsageException>(() =>
        {
            var reader = ArgReader.Parse("unary", args);
            UnaryOptions.Parse(reader, allowCall: true);
            reader.EnsureNoneLeft();
        });

        // Assert
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_OptionGivenTwice_Throws()
    {
        var error = Assert.Throws<UsageException>(() => ArgReader.Parse("unary", ["--concurrency", "1", "--concurrency", "2"]));

        Assert.Contains("given twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PositionalArgument_Throws()
    {
        var error = Assert.Throws<UsageException>(() => ArgReader.Parse("unary", ["metrics"]));

        Assert.Contains("unexpected argument 'metrics'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareOptions_CallOption_IsUnknown()
    {
        var reader = ArgReader.Parse("compare", ["--call", "health"]);
        UnaryOptions.Parse(reader, allowCall: false);

        var error = Assert.Throws<UsageException>(reader.EnsureNoneLeft);

        Assert.Equal("compare: unknown option --call", error.Message);
    }
}
