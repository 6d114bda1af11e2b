using CsCheck;
using RiskGrpc.Engine.Live;
using RiskGrpc.TestUtils;
using static RiskGrpc.Engine.Tests.Live.EngineHarness;

namespace RiskGrpc.Engine.Tests.Live;

/// <summary>End to end through sessions and workers: the streamed metrics equal the reference on the same window.</summary>
public sealed class LiveRiskEnginePropertyTests
{
    private static readonly Gen<double?> Step = Gen.Frequency(
        (12, Gen.Double[-0.06, 0.06].Select(v => (double?)Math.Round(v, 8))),
        (1, Gen.Const<double?>(double.NaN)),
        (1, Gen.Const<double?>((double?)null)));

    [Fact]
    public void Stream_AnyEventSequence_StreamedMetricsEqualReferenceOnWindow()
    {
        Gen.Select(Gen.Int[2, 30], Step.Array[1, 80], Gen.Int[0, 80], Gen.Int[2, 30])
            .Sample(
                (window, steps, resizeAt, resizeTo) => RunAsync(window, steps, resizeAt, resizeTo).GetAwaiter().GetResult(),
                iter: 40,
                threads: 1);
    }

    private static async Task RunAsync(int window, double?[] steps, int resizeAt, int resizeTo)
    {
        await using var harness = new EngineHarness();
        var session = harness.Engine.OpenSession();
        var ct = TestContext.Current.CancellationToken;
        ulong seq = 0;
        await session.SubmitAsync(new LiveEvent
        {
            Kind = LiveEventKind.Configuration,
            PortfolioId = "p",
            Sequence = ++seq,
            Configuration = new LiveConfigurationChange { WindowLength = window, ConfidenceLevels = [0.95, 0.99] },
        }, ct).DefaultTimeout();
        var applied = new List<double>();
        long totalApplied = 0;
        var currentWindow = window;
        for (var i = 0; i < steps.Length; i++)
        {
            if (i == resizeAt)
            {
                await session.SubmitAsync(new LiveEvent
                {
                    Kind = LiveEventKind.Configuration,
                    PortfolioId = "p",
                    Sequence = ++seq,
                    Configuration = new LiveConfigurationChange { WindowLength = resizeTo },
                }, ct).DefaultTimeout();
                applied = applied.Skip(Math.Max(0, applied.Count - Math.Min(currentWindow, resizeTo))).ToList();
                currentWindow = resizeTo;
            }

            if (steps[i] is { } value)
            {
                // NaN is rejected and consumes its sequence; nothing else changes.
                await session.SubmitAsync(Return("p", ++seq, value), ct).DefaultTimeout();
                if (!double.IsNaN(value))
                {
                    applied.Add(value);
                    totalApplied++;
                }
            }
            else
            {
                // A duplicate of an earlier sequence: acknowledged, never applied twice.
                await session.SubmitAsync(Return("p", Math.Max(1, seq), 0.5), ct).DefaultTimeout();
            }
        }

        await session.SubmitAsync(Snapshot("p"), ct).DefaultTimeout();
        var update = await ReadUpdateAsync(session, "p", seq);
        var expectedWindow = applied.Skip(Math.Max(0, applied.Count - currentWindow)).ToArray();

        Assert.Equal(seq, update.LastAppliedSequence);
        Assert.Equal(totalApplied, update.TotalObservations);
        ReferenceAssert.Matches(expectedWindow, [], 252, 0, [0.95, 0.99], update);
        await session.CompleteAsync().DefaultTimeout();
    }
}
