using System.Diagnostics.Metrics;
using RiskGrpc.Nautilus.Hosting;

namespace RiskGrpc.Nautilus.Tests.Redis;

public sealed class BridgeMetricsTests
{
    [Fact]
    public async Task Meter_AfterTheJsonSample_ReportsTheBridgeCounters()
    {
        await using var harness = await BridgeHarness.StartAsync();
        await GoldenReplayTests.ReplayAsync(harness, SampleEvents.JsonFile);
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == NautilusBridgeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, harness.MeterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(10, seen["riskgrpc.nautilus.entries_read"]);
        Assert.Equal(1, seen["riskgrpc.nautilus.duplicate_fills"]);
        Assert.Equal(1, seen["riskgrpc.nautilus.heartbeats"]);
        Assert.Equal(1, seen["riskgrpc.nautilus.ignored_known_types"]);
        Assert.Equal(0, seen["riskgrpc.nautilus.malformed"]);
        Assert.Equal(12, seen.Count);
    }
}
