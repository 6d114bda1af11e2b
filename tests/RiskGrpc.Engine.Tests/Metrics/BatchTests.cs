using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Engine.Tests.Metrics;

public sealed class BatchTests
{
    private static readonly IMetricsEngine Engine = MetricsEngine.Create();

    [Fact]
    public void ComputeBatch_OneInvalidSeries_OnlyThatItemFails()
    {
        var requests = Enumerable.Range(0, 64).Select(i => new MetricsRequest { Returns = EngineTestData.Returns(i, 252 + i) }).ToList();
        var bad = EngineTestData.Returns(99, 252);
        bad[17] = double.PositiveInfinity;
        requests[31] = new MetricsRequest { Returns = bad };

        var results = Engine.ComputeBatch(requests);

        Assert.Equal(64, results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i, results[i].Index);
            if (i == 31)
            {
                var error = Assert.IsType<MetricsValidationException>(results[i].Error);
                Assert.Equal("returns[17]", error.FieldPath);
                Assert.Null(results[i].Result);
                continue;
            }

            Assert.Null(results[i].Error);
            Assert.Equal(Engine.Compute(requests[i]).Metrics, results[i].Result!.Metrics);
        }
    }

    [Fact]
    public void ComputeBatch_Empty_ReturnsEmpty()
    {
        Assert.Empty(Engine.ComputeBatch([]));
    }

    [Fact]
    public void ParallelBatch_ManyItems_EveryIndexComputedOnce()
    {
        var calls = new int[1000];
        var results = new int[1000];

        ParallelBatch.Run(results, i =>
        {
            Interlocked.Increment(ref calls[i]);
            return i * 2;
        });

        Assert.All(calls, c => Assert.Equal(1, c));
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => i * 2), results);
    }
}
