using RiskGrpc.Cloud.Tests.Infrastructure;

namespace RiskGrpc.Cloud.Tests.Routing;

public sealed class CloudAnswerCacheTests
{
    [Fact]
    public void TryGet_AfterTtl_Misses()
    {
        var time = new ManualTimeProvider();
        var cache = new CloudAnswerCache(4, TimeSpan.FromMinutes(5), time);
        cache.Set("k", [0.5, 0.5]);

        time.Now += TimeSpan.FromMinutes(4);
        Assert.True(cache.TryGet("k", out var fresh));
        time.Now += TimeSpan.FromMinutes(2);
        Assert.False(cache.TryGet("k", out _));
        Assert.Equal([0.5, 0.5], fresh);
    }

    [Fact]
    public void Set_OverCapacity_EvictsLeastRecentlyUsed()
    {
        var cache = new CloudAnswerCache(2, TimeSpan.FromMinutes(5), new ManualTimeProvider());
        cache.Set("a", [1]);
        cache.Set("b", [2]);
        Assert.True(cache.TryGet("a", out _));

        cache.Set("c", [3]);

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void TryGet_CallerMutatesCopy_CacheUnchanged()
    {
        var cache = new CloudAnswerCache(2, TimeSpan.FromMinutes(5), new ManualTimeProvider());
        cache.Set("a", [0.25, 0.75]);

        cache.TryGet("a", out var first);
        first[0] = 99;

        Assert.True(cache.TryGet("a", out var second));
        Assert.Equal(0.25, second[0]);
    }

    [Fact]
    public void Set_CapacityZero_StoresNothing()
    {
        var cache = new CloudAnswerCache(0, TimeSpan.FromMinutes(5), new ManualTimeProvider());
        cache.Set("a", [1]);

        Assert.False(cache.TryGet("a", out _));
    }
}
