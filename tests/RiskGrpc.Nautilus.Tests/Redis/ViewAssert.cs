using RiskGrpc.Nautilus.State;

namespace RiskGrpc.Nautilus.Tests.Redis;

/// <summary>Value equality of two views (decimals compare by value, so 100000.0 equals 100000).</summary>
internal static class ViewAssert
{
    public static void Same(PortfolioView? expected, PortfolioView? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.Equal(expected.PortfolioId, actual.PortfolioId);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.Fills, actual.Fills);
        Assert.Equal(expected.TsEvent, actual.TsEvent);
        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.RealizedPnl, actual.RealizedPnl);
        Assert.Equal(expected.UnrealizedPnl, actual.UnrealizedPnl);
        Assert.Equal(expected.NetExposure, actual.NetExposure);
        Assert.Equal(expected.GrossExposure, actual.GrossExposure);
        Assert.Equal(expected.Accounts.Count, actual.Accounts.Count);
        for (var i = 0; i < expected.Accounts.Count; i++)
        {
            Assert.Equal(expected.Accounts[i] with { Balances = [] }, actual.Accounts[i] with { Balances = [] });
            Assert.Equal(expected.Accounts[i].Balances, actual.Accounts[i].Balances);
        }
    }
}
