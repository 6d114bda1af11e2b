using RiskGrpc.Engine.Live;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Engine.Tests.Live;

/// <summary>Asserts a snapshot equals the scalar reference on the same window to a relative 1e-9.</summary>
internal static class ReferenceAssert
{
    public static void Matches(ReadOnlySpan<double> window, ReadOnlySpan<double> benchmark, double periods, double riskFree, IReadOnlyList<double> levels, LiveRiskSnapshot snapshot)
    {
        var rfp = riskFree == 0 ? 0 : Math.Pow(1 + riskFree, 1 / periods) - 1;
        Assert.Equal(window.Length, snapshot.WindowObservations);
        Tolerance.Close(ScalarRiskReference.Volatility(window, periods), snapshot.Volatility, label: "volatility");
        Tolerance.Close(ScalarRiskReference.Sharpe(window, periods, rfp), snapshot.Sharpe, label: "sharpe");
        Tolerance.Close(ScalarRiskReference.Sortino(window, periods, rfp), snapshot.Sortino, label: "sortino");
        var (max, current) = ScalarRiskReference.Drawdowns(window);
        Tolerance.Close(max, snapshot.MaxDrawdown, label: "max_drawdown");
        Tolerance.Close(current, snapshot.CurrentDrawdown, label: "current_drawdown");
        if (!benchmark.IsEmpty)
        {
            Tolerance.Close(ScalarRiskReference.Beta(window, benchmark), snapshot.Beta, label: "beta");
        }

        Assert.Equal(levels.Count, snapshot.TailRiskCount);
        for (var i = 0; i < levels.Count; i++)
        {
            var expected = ScalarRiskReference.Tail(window, levels[i]);
            var actual = snapshot.TailRisk[i];
            Assert.Equal(levels[i], actual.Confidence);
            Tolerance.Close(expected.VarHist, actual.VarHistorical, label: $"var_historical({levels[i]})");
            Tolerance.Close(expected.CvarHist, actual.CvarHistorical, label: $"cvar_historical({levels[i]})");

            // Parametric VaRs are mean + sd·z: when the two terms nearly cancel, 1e-9 of the result is far below
            // the rounding of the terms. Scale-aware: 1e-9 relative to |mean| + sd·|z|, or of the result if larger.
            var floor = 1e-9 * expected.Scale;
            Tolerance.Close(expected.VarG, actual.VarGaussian, absFloor: floor, label: $"var_gaussian({levels[i]})");
            Tolerance.Close(expected.CvarG, actual.CvarGaussian, absFloor: floor, label: $"cvar_gaussian({levels[i]})");
            Tolerance.Close(expected.VarCf, actual.VarCornishFisher, absFloor: floor, label: $"var_cornish_fisher({levels[i]})");

            // CVaR-CF averages the returns at or below VaR-CF: a step function of the threshold. When VaR-CF lands on
            // a return (ties are common in these series), rounding-level differences in the moments decide whether
            // that return counts, so the mean is checked against the window at the snapshot's own threshold.
            var threshold = actual.VarCornishFisher;
            var below = window.ToArray().Where(v => v <= threshold).ToArray();
            var expectedCvarCf = double.IsNaN(threshold) ? double.NaN : below.Length == 0 ? threshold : below.Average();
            Tolerance.Close(expectedCvarCf, actual.CvarCornishFisher, absFloor: floor, label: $"cvar_cornish_fisher({levels[i]})");
        }
    }
}
