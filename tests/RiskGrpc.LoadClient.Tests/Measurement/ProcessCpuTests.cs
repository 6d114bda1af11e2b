using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Tests.Measurement;

public sealed class ProcessCpuTests
{
    [Fact]
    public void ParseStat_CommandWithSpacesAndParentheses_ReadsUtimePlusStime()
    {
        // Arrange: utime 250 and stime 50 clock ticks (fields 14 and 15), with a hostile command name.
        const string stat = "4242 (dotnet (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 12 0 100 0 0";

        // Act
        var cpu = ProcessCpu.ParseStat(stat);

        // Assert
        Assert.Equal(TimeSpan.FromSeconds(3), cpu);
    }

    [Fact]
    public void ParseStat_Truncated_ReturnsNull()
    {
        Assert.Null(ProcessCpu.ParseStat("4242 (dotnet) S 1 2 3"));
    }

    [Fact]
    public void OfPid_ThisProcess_IsReadableOnLinux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc exists only on Linux");

        var cpu = ProcessCpu.OfPid(Environment.ProcessId);

        Assert.NotNull(cpu);
        Assert.True(cpu >= TimeSpan.Zero);
    }
}
