using System.Diagnostics;
using RiskGrpc.LoadClient.Live;

namespace RiskGrpc.LoadClient.Tests.Live;

public sealed class LivePortfolioTrackerTests
{
    [Fact]
    public void Acknowledge_CoalescedUpdate_TimesEveryCoveredMeasuredSequence()
    {
        var tracker = new LivePortfolioTracker("p", 10) { MeasureFrom = 2 };
        var t0 = Stopwatch.GetTimestamp();
        for (var s = 1; s <= 4; s++)
        {
            tracker.MarkSent(s, t0);
        }

        var latencies = new List<long>();
        tracker.Acknowledge(4, t0 + Stopwatch.Frequency / 1000, latencies.Add);

        Assert.Equal(3, latencies.Count);
        Assert.All(latencies, ns => Assert.InRange(ns, 999_000, 1_001_000));
        Assert.Equal(4, tracker.Acknowledged);
        Assert.Equal(0, tracker.Duplicated);
    }

    [Fact]
    public void Acknowledge_UpdateThatDoesNotAdvance_CountsAsDuplicated()
    {
        var tracker = new LivePortfolioTracker("p", 10);
        tracker.MarkSent(1, 1);
        tracker.MarkSent(2, 2);
        tracker.Acknowledge(2, 3, _ => { });

        tracker.Acknowledge(2, 4, _ => { });

        Assert.Equal(1, tracker.Duplicated);
    }

    [Fact]
    public void CheckObservations_MoreObservationsThanReturnsSent_CountsTheExcessAsDuplicated()
    {
        var tracker = new LivePortfolioTracker("p", 10);

        // Sequence 1 is the configuration: by sequence 5 at most 4 returns can have been applied.
        tracker.CheckObservations(5, 6, 1);

        Assert.Equal(2, tracker.Duplicated);
    }

    [Fact]
    public void LastSentAboveAcknowledged_IsWhatTheRunReportsAsLost()
    {
        var tracker = new LivePortfolioTracker("p", 10);
        for (var s = 1; s <= 5; s++)
        {
            tracker.MarkSent(s, s);
        }

        tracker.Acknowledge(3, 10, _ => { });

        Assert.Equal(2, tracker.LastSent - tracker.Acknowledged);
    }
}
