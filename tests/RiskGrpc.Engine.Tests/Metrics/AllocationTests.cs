using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Engine.Tests.Metrics;

public sealed class AllocationTests
{
    [Theory]
    [InlineData(MetricsNanPolicy.Reject)]
    [InlineData(MetricsNanPolicy.Skip)]
    [InlineData(MetricsNanPolicy.Zero)]
    public void Compute_SteadyState_AllocatesOnlyTheResult(MetricsNanPolicy policy)
    {
        // 2,520 rows: any per-call scratch (2 × 2,520 doubles ≈ 40 KB) would blow the 2 KB budget of the result objects.
        var engine = MetricsEngine.Create();
        var r = EngineTestData.Returns(1, 2520);
        var b = EngineTestData.Returns(2, 2520);
        if (policy != MetricsNanPolicy.Reject)
        {
            r[100] = double.NaN;
            b[200] = double.NaN;
        }

        var request = new MetricsRequest { Returns = r, Benchmark = b, NanPolicy = policy };
        engine.Compute(request);
        engine.Compute(request);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = engine.Compute(request);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.NotNull(result.Relative);
        Assert.InRange(allocated, 1, 2048);
    }
}
