using RiskGrpc.LoadClient.Cli;
using RiskGrpc.TestUtils;

namespace RiskGrpc.LoadClient.Tests.Cli;

public sealed class CommandDispatcherTests
{
    [Theory]
    [InlineData("unary", "--concurrency", "0")]
    [InlineData("unary", "--nope", "1")]
    [InlineData("compare", "--duration", "soon")]
    [InlineData("payload", "--returns", "252")]
    [InlineData("frobnicate", "--x", "1")]
    public async Task RunAsync_BadArguments_PrintsOneStderrLineAndExits2(string command, string name, string value)
    {
        // Arrange
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Act
        var exit = await CommandDispatcher.RunAsync([command, name, value], stdout, stderr, TimeProvider.System, CancellationToken.None)
            .DefaultTimeout();

        // Assert
        Assert.Equal(2, exit);
        Assert.Equal("", stdout.ToString());
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("riskgrpc-load: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoArguments_PrintsUsageAndExits2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandDispatcher.RunAsync([], stdout, stderr, TimeProvider.System, CancellationToken.None).DefaultTimeout();

        Assert.Equal(2, exit);
        Assert.Contains("unary", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnreachableTarget_FailsFastWithExit1()
    {
        // Arrange: port 9 (discard) on loopback is closed on any test machine.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Act
        var exit = await CommandDispatcher.RunAsync(
                ["unary", "--target", "http://127.0.0.1:9", "--duration", "1s", "--timeout", "5s"],
                stdout, stderr, TimeProvider.System, CancellationToken.None)
            .DefaultTimeout();

        // Assert
        Assert.Equal(1, exit);
        Assert.Contains("first call /riskgrpc.v1.MetricsService/ComputeMetrics", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Unavailable", stderr.ToString(), StringComparison.Ordinal);
    }
}
