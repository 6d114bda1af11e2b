using RiskGrpc.Engine.Live;
using RiskGrpc.Engine.Live.Windows;

namespace RiskGrpc.Engine.Tests.Live;

public sealed class RollingWindowAllocationTests
{
    [Fact]
    public void AddAndEvaluate_SteadyState_AllocatesNothing()
    {
        var settings = new LiveRiskSettings(252, [0.95, 0.99], LiveMetricSelection.All, TimeSpan.Zero, 252, 0.02, null);
        var state = new PortfolioState("p", settings, 1);
        var random = new Random(7);
        for (var i = 0; i < 600; i++)
        {
            state.Window.Add((random.NextDouble() - 0.5) * 0.04, (random.NextDouble() - 0.5) * 0.03);
            state.Evaluate(TimeProvider.System);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            state.Window.Add((random.NextDouble() - 0.5) * 0.04, (random.NextDouble() - 0.5) * 0.03);
            state.Evaluate(TimeProvider.System);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PortfolioState_Window252WithBenchmark_FootprintUnder18KiB()
    {
        var settings = LiveRiskSettings.CreateDefault(252);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var state = new PortfolioState("portfolio-000001", settings, 1);
        for (var i = 0; i < 252; i++)
        {
            state.Window.Add(0.001 * (i % 17), 0.0005 * (i % 11));
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;

        // returns, benchmark, sorted copy and five drawdown arrays: 8 doubles per row (16,128 B at w = 252) plus the objects.
        Assert.InRange(bytes, 252 * 8 * 8, 18 * 1024);
        GC.KeepAlive(state);
    }
}
