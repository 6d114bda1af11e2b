using System.Diagnostics.Metrics;
using RiskGrpc.Engine.Live;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Engine.Tests.Live;

public sealed class LiveRiskQueueDepthTests
{
    [Fact]
    public async Task QueueDepthGaugeReportsTheWaitingWorkAndDrainsToZero()
    {
        await using var harness = new EngineHarness();
        long? observed = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == harness.MeterFactory && instrument.Name == "riskgrpc.live.queue_depth")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => observed = value);
        listener.Start();

        var session = harness.Engine.OpenSession();
        for (ulong i = 1; i <= 50; i++)
        {
            await session.SubmitAsync(EngineHarness.Return("p1", i, 0.001), TestContext.Current.CancellationToken).DefaultTimeout();
        }

        await session.CompleteAsync().DefaultTimeout();
        await foreach (var unused in session.Outbox.ReadAllAsync(TestContext.Current.CancellationToken))
        {
        }

        listener.RecordObservableInstruments();
        Assert.Equal(0, observed);
        Assert.Equal(0, harness.Engine.QueueDepth);
    }
}
