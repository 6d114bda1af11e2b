namespace RiskGrpc.Kernel.Tests.Relative;

/// <summary>The relative, rolling and calendar kernels allocate nothing once warmed up (JIT tiering aside).</summary>
public sealed class KernelAllocationTests
{
    [Fact]
    public void RelativeRollingAndCalendarKernels_WarmCall_AllocateZeroBytes()
    {
        // Arrange
        var rng = new Random(3);
        var b = Enumerable.Range(0, 1000).Select(_ => RelativeMetricKernelTests.Normal(rng, 0, 0.01)).ToArray();
        var r = b.Select(x => x + RelativeMetricKernelTests.Normal(rng, 0, 0.01)).ToArray();
        var t = Enumerable.Range(0, 1000).Select(i => new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i)).ToArray();
        var scratch = new double[RelativeMetricKernel.ScratchLength(r.Length)];
        var rolling = new double[r.Length];
        var periods = new CalendarPeriodReturn[CalendarReturns.MonthCount(t)];
        var p = new MetricParameters(252, 0.02);
        void Run()
        {
            RelativeMetricKernel.Compute(r, b, p, scratch, out _);
            RollingMetricKernel.Sharpe(r, 63, p, rolling);
            RollingMetricKernel.Volatility(r, 63, p, rolling);
            RollingMetricKernel.Sortino(r, 63, p, rolling);
            RollingMetricKernel.MaxDrawdown(r, 63, rolling);
            RollingMetricKernel.Beta(r, b, 63, rolling);
            CalendarReturns.Monthly(r, t, periods);
            CalendarReturns.Yearly(r, t, periods);
        }

        Run();

        // Act
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Assert
        Assert.Equal(0, allocated);
    }
}
