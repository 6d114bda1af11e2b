using RiskGrpc.Kernel.Tests.Reference;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Rolling;

public sealed class RollingMetricKernelReferenceTests
{
    /// <summary>
    /// empyrical's test <c>roll_sharpe_ratio(mixed_returns, window=6)</c>. empyrical slides its windows over the ORIGINAL
    /// series (row 0 is NaN) and its sharpe is nan-aware inside each window, so the first window holds 5 values and the
    /// others 6. The test reproduces that: for each window of the original rows it drops the NaN (as the SKIP policy
    /// would) and runs the rolling kernel with the window spanning exactly the remaining rows, so every expected value
    /// comes from our kernel.
    /// </summary>
    [Fact]
    public void Sharpe_MixedReturnsWindow6_MatchesEmpyricalRollSharpe()
    {
        // Arrange
        const string Key = "empyrical.roll_sharpe_ratio(window=6)";
        const int Window = 6;
        var c = MetricReferenceCase.Get("empyrical-test:mixed_returns");
        var expected = c.Vectors[Key];
        var parameters = new MetricParameters(c.PeriodsPerYear, c.RiskFree);
        Assert.Equal(c.Returns.Length - Window + 1, expected.Length);

        for (var i = 0; i < expected.Length; i++)
        {
            var clean = c.Returns[i..(i + Window)].Where(double.IsFinite).ToArray();
            var actual = new double[1];

            // Act
            RollingMetricKernel.Sharpe(clean, clean.Length, parameters, actual);

            // Assert
            Tolerance.Close(expected[i], actual[0], rel: 0, absFloor: c.AbsoluteTolerances[Key], label: $"{Key}[{i}]");
        }
    }
}
