using CsCheck;
using RiskGrpc.Engine.Live;
using RiskGrpc.Engine.Live.Windows;

namespace RiskGrpc.Engine.Tests.Live;

public sealed class RollingWindowPropertyTests
{
    // Returns are quantised to 1e-8 (a realistic tick). Without that, CsCheck's bias towards tiny doubles builds
    // windows like {0, 1e-98} whose spread is below the rounding of r − rf_p in any implementation, two-pass
    // included: the comparison would test rounding noise, not the algorithm.
    private static readonly Gen<double> Return = Gen.Frequency(
        (8, Gen.Double[-0.08, 0.08].Select(Tick)),
        (1, Gen.Const(0.0)),
        (1, Gen.Double[-0.6, 0.9].Select(Tick)));

    private static readonly Gen<(double R, double? B)> Row = Gen.Select(Return, Gen.Frequency(
        (3, Gen.Double[-0.05, 0.05].Select(b => (double?)Tick(b))),
        (1, Gen.Const<double?>((double?)null))));

    [Fact]
    public void Add_AnySequence_EqualsScalarReferenceOnTheSameWindow()
    {
        Gen.Select(Gen.Int[2, 40], Row.Array[1, 200], Gen.Int[0, 3], Gen.Double[0.5, 0.999])
            .Sample(
                (window, rows, rfChoice, extraLevel) =>
                {
                    var riskFree = rfChoice == 3 ? 0.04 : 0.0;
                    var settings = new LiveRiskSettings(window, [0.95, extraLevel], LiveMetricSelection.All, TimeSpan.Zero, 252, riskFree, null);
                    var sut = new RollingWindow(window, settings.RiskFreePerPeriod);
                    var history = new List<(double R, double? B)>();
                    var snapshot = new LiveRiskSnapshot();
                    foreach (var row in rows)
                    {
                        sut.Add(row.R, row.B);
                        history.Add(row);
                        sut.Evaluate(settings, snapshot);
                        AssertWindow(history, window, BenchmarkSeen(history), sut, settings, snapshot);
                    }
                },
                iter: 150);
    }

    [Fact]
    public void Resize_AnySequence_KeepsTheMostRecentObservations()
    {
        Gen.Select(Gen.Int[2, 30], Gen.Int[2, 30], Row.Array[1, 120], Row.Array[0, 60])
            .Sample(
                (before, after, first, second) =>
                {
                    var settings = new LiveRiskSettings(after, [0.95], LiveMetricSelection.All, TimeSpan.Zero, 252, 0, null);
                    var sut = new RollingWindow(before, 0);
                    var history = new List<(double R, double? B)>();
                    foreach (var row in first)
                    {
                        sut.Add(row.R, row.B);
                        history.Add(row);
                    }

                    // The window keeps its benchmark column once one arrived, also when a shrink drops that row.
                    var seen = BenchmarkSeen(history);

                    // What a shrink dropped is gone for good: the reference forgets it too.
                    history = history.Skip(Math.Max(0, history.Count - Math.Min(before, after))).ToList();
                    sut = sut.Resize(after);
                    var snapshot = new LiveRiskSnapshot();
                    sut.Evaluate(settings, snapshot);
                    AssertWindow(history, after, seen, sut, settings, snapshot);
                    foreach (var row in second)
                    {
                        sut.Add(row.R, row.B);
                        history.Add(row);
                        seen |= row.B.HasValue;
                        sut.Evaluate(settings, snapshot);
                        AssertWindow(history, after, seen, sut, settings, snapshot);
                    }
                },
                iter: 100);
    }

    [Fact]
    public void SetRiskFreePerPeriod_MidStream_SharpeAndSortinoUseTheNewRate()
    {
        var settings = new LiveRiskSettings(10, [0.95], LiveMetricSelection.All, TimeSpan.Zero, 252, 0.05, null);
        var sut = new RollingWindow(10, 0);
        var history = new List<(double, double?)>();
        foreach (var r in new[] { 0.01, -0.02, 0.0002, 0.015, -0.001, 0.0001, 0.003 })
        {
            sut.Add(r, null);
            history.Add((r, null));
        }

        sut.SetRiskFreePerPeriod(settings.RiskFreePerPeriod);
        var snapshot = new LiveRiskSnapshot();
        sut.Evaluate(settings, snapshot);

        AssertWindow(history, 10, false, sut, settings, snapshot);
    }

    [Fact]
    public void Evaluate_ConstantZeroWindow_HasZeroSpreadAndNaNRatios()
    {
        var settings = LiveRiskSettings.CreateDefault(5);
        var sut = new RollingWindow(5, 0);
        sut.Add(0.3, null);
        for (var i = 0; i < 5; i++)
        {
            sut.Add(0, null);
        }

        var snapshot = new LiveRiskSnapshot();
        sut.Evaluate(settings, snapshot);

        Assert.Equal(0, snapshot.Volatility);
        Assert.True(double.IsNaN(snapshot.Sharpe));
        Assert.True(double.IsNaN(snapshot.Sortino));
        Assert.Equal(0, snapshot.MaxDrawdown);
    }

    [Fact]
    public void Evaluate_OnlyGainsInWindow_SortinoIsPositiveInfinity()
    {
        var settings = LiveRiskSettings.CreateDefault(3);
        var sut = new RollingWindow(3, 0);
        foreach (var r in new[] { -0.05, 0.01, 0.02, 0.03 })
        {
            sut.Add(r, null);
        }

        var snapshot = new LiveRiskSnapshot();
        sut.Evaluate(settings, snapshot);

        Assert.Equal(double.PositiveInfinity, snapshot.Sortino);
    }

    private static double Tick(double value) => Math.Round(value, 8);

    private static bool BenchmarkSeen(List<(double R, double? B)> history) => history.Any(row => row.B.HasValue);

    /// <summary>Compares with the reference; whether beta is checked follows the generated rows, not the window under test.</summary>
    private static void AssertWindow(List<(double R, double? B)> history, int window, bool hasBenchmark, RollingWindow sut, LiveRiskSettings settings, LiveRiskSnapshot snapshot)
    {
        Assert.Equal(hasBenchmark, sut.HasBenchmark);
        Assert.Equal(hasBenchmark, snapshot.HasBenchmark);
        var tail = history.Skip(Math.Max(0, history.Count - window)).ToArray();
        var r = tail.Select(t => t.R).ToArray();
        var b = hasBenchmark ? tail.Select(t => t.B ?? double.NaN).ToArray() : [];
        ReferenceAssert.Matches(r, b, settings.PeriodsPerYear, settings.RiskFreeRate, settings.ConfidenceLevels, snapshot);
    }
}
