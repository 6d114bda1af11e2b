using CsCheck;
using RiskGrpc.Engine.Live;
using RiskGrpc.Engine.Live.Windows;
using RiskGrpc.Kernel;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Engine.Tests.Live;

/// <summary>
/// The incremental window against the batch kernel (MetricKernel / RelativeMetricKernel) on the same window:
/// what a live client streams equals what ComputeMetrics returns for those rows, to a relative 1e-9.
/// </summary>
public sealed class RollingWindowKernelAgreementTests
{
    private static readonly Gen<double> Return = Gen.Frequency(
        (8, Gen.Double[-0.08, 0.08].Select(v => Math.Round(v, 8))),
        (1, Gen.Const(0.0)),
        (1, Gen.Double[-0.5, 0.8].Select(v => Math.Round(v, 8))));

    [Fact]
    public void Evaluate_AnySequence_EqualsBatchKernelOnTheWindow()
    {
        Gen.Select(Gen.Int[2, 60], Gen.Select(Return, Gen.Double[-0.05, 0.05].Select(v => Math.Round(v, 8))).Array[2, 150], Gen.Bool)
            .Sample(
                (window, rows, withRiskFree) =>
                {
                    var riskFree = withRiskFree ? 0.03 : 0;
                    double[] levels = [0.95, 0.99];
                    var settings = new LiveRiskSettings(window, levels, LiveMetricSelection.All, TimeSpan.Zero, 252, riskFree, null);
                    var sut = new RollingWindow(window, settings.RiskFreePerPeriod);
                    var snapshot = new LiveRiskSnapshot();
                    for (var i = 0; i < rows.Length; i++)
                    {
                        sut.Add(rows[i].Item1, rows[i].Item2);
                        sut.Evaluate(settings, snapshot);
                        var start = Math.Max(0, i + 1 - window);
                        var r = rows[start..(i + 1)].Select(t => t.Item1).ToArray();
                        var b = rows[start..(i + 1)].Select(t => t.Item2).ToArray();
                        AssertAgreesWithKernel(r, b, new MetricParameters(252, riskFree), levels, snapshot);
                    }
                },
                iter: 100);
    }

    private static void AssertAgreesWithKernel(double[] r, double[] b, MetricParameters parameters, double[] levels, LiveRiskSnapshot snapshot)
    {
        var scratch = new double[Math.Max(MetricKernel.ScratchLength(r.Length), RelativeMetricKernel.ScratchLength(r.Length))];
        var tail = new TailRiskMetrics[levels.Length];
        MetricKernel.Compute(r, parameters, levels, scratch, out var metrics, tail);
        RelativeMetricKernel.Compute(r, b, parameters, scratch, out var relative);

        Tolerance.Close(metrics.Volatility, snapshot.Volatility, label: "volatility");
        Tolerance.Close(metrics.Sharpe, snapshot.Sharpe, label: "sharpe");
        Tolerance.Close(metrics.Sortino, snapshot.Sortino, label: "sortino");
        Tolerance.Close(metrics.MaxDrawdown, snapshot.MaxDrawdown, label: "max_drawdown");
        Tolerance.Close(relative.Beta, snapshot.Beta, label: "beta");
        for (var i = 0; i < levels.Length; i++)
        {
            var live = snapshot.TailRisk[i];
            var scale = Math.Abs(metrics.Mean) + (metrics.Stdev * 4);
            Tolerance.Close(tail[i].VarHistorical, live.VarHistorical, label: "var_historical");
            Tolerance.Close(tail[i].CvarHistorical, live.CvarHistorical, label: "cvar_historical");
            Tolerance.Close(tail[i].VarGaussian, live.VarGaussian, absFloor: 1e-9 * scale, label: "var_gaussian");
            Tolerance.Close(tail[i].CvarGaussian, live.CvarGaussian, absFloor: 1e-9 * scale, label: "cvar_gaussian");
            Tolerance.Close(tail[i].VarCornishFisher, live.VarCornishFisher, absFloor: 1e-9 * scale, label: "var_cornish_fisher");
        }
    }
}
