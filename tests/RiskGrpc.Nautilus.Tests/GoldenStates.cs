using RiskGrpc.Nautilus.State;

namespace RiskGrpc.Nautilus.Tests;

/// <summary>
/// The state of portfolio <c>nautilus:EMACross-001</c> after each sample entry, as docs/nautilus-bus.md lists it plus
/// the marks: quote mid 0.68151 until the bar (close 0.68200, newer than the quote) takes over.
/// </summary>
internal static class GoldenStates
{
    public const string Portfolio = "nautilus:EMACross-001";

    public const string Instrument = "AUD/USD.SIM";

    /// <summary>Asserts the view after entry <paramref name="index"/> (null view: no portfolio yet).</summary>
    public static void AssertAfter(int index, PortfolioView? view)
    {
        if (index == 0)
        {
            Assert.Null(view);
            return;
        }

        Assert.NotNull(view);
        Assert.Equal(1, view.Fills);
        switch (index)
        {
            case 1 or 2:
                Assert.Empty(view.Positions);
                Assert.Empty(view.Accounts);
                break;
            case 3:
                Assert.Empty(view.Positions);
                Assert.Equal(999998.64m, Assert.Single(view.Accounts).Balances[0].Total);
                break;
            case 4 or 5:
                AssertPosition(view, "LONG", 100000m, 0.68152m, -1.36m, -1.00m, 0.68151m);
                Assert.Equal(68151.00m, view.NetExposure["USD"]);
                Assert.Equal(68151.00m, view.GrossExposure["USD"]);
                break;
            case 6:
                AssertPosition(view, "LONG", 100000m, 0.68152m, -1.36m, 48.00m, 0.68200m);
                break;
            case 7:
                // Equal to the event's own unrealized_pnl (28.80 USD): the mark is the bar close, 0.68200 = last_px.
                AssertPosition(view, "LONG", 60000m, 0.68152m, 17.29m, 28.80m, 0.68200m);
                Assert.Equal(40920m, view.NetExposure["USD"]);
                break;
            case 8 or 9:
                AssertPosition(view, "FLAT", 0m, 0m, 51.27m, 0m, 0.68200m);
                Assert.Equal(0m, view.NetExposure["USD"]);
                Assert.Equal(0m, view.GrossExposure["USD"]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    private static void AssertPosition(PortfolioView view, string side, decimal signedQty, decimal avg, decimal realized, decimal unrealized, decimal mark)
    {
        var position = Assert.Single(view.Positions);
        Assert.Equal(Instrument, position.InstrumentId);
        Assert.Equal(side, position.Side);
        Assert.Equal(signedQty, position.SignedQty);
        Assert.Equal(avg, position.AvgPxOpen);
        Assert.Equal(new Nautilus.Decoding.Money(realized, "USD"), position.RealizedPnl);
        Assert.Equal(unrealized, position.UnrealizedPnl);
        Assert.Equal(mark, position.Mark);
        Assert.Equal("USD", position.Currency);
        Assert.Equal(realized, view.RealizedPnl["USD"]);
        Assert.Equal(unrealized, view.UnrealizedPnl["USD"]);
    }
}
