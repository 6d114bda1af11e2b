using RiskGrpc.Kernel.Tests.Relative;

namespace RiskGrpc.Kernel.Tests.Rolling;

/// <summary>Seeded series that cycle through regimes chosen to stress sliding sums.</summary>
internal static class RollingTestData
{
    /// <summary>
    /// Blocks of 37 rows: ordinary daily returns; a calm stretch (sd 1e-4, where cancellation after a volatile block
    /// would show); a volatile stretch (sd 5 %); a constant run (exactly zero spread); a linear trend (the window mean
    /// drifts away from the anchor); a run of zeros with one repeated value; and a level far from zero with tiny noise
    /// (20 % ± 1e-6: without re-anchoring, Σ(x − K)² − (Σ(x − K))²/w would cancel almost every digit).
    /// </summary>
    public static double[] Regimes(int length, int seed)
    {
        var rng = new Random(seed);
        var x = new double[length];
        for (var i = 0; i < length; i++)
        {
            var k = i % 37;
            x[i] = ((i / 37) % 7) switch
            {
                0 => RelativeMetricKernelTests.Normal(rng, 0.0005, 0.01),
                1 => RelativeMetricKernelTests.Normal(rng, 0.0001, 0.0001),
                2 => RelativeMetricKernelTests.Normal(rng, 0.002, 0.05),
                3 => 0.003,
                4 => 0.0005 * k,
                5 => k % 9 == 0 ? -0.004 : 0.0,
                _ => 0.2 + RelativeMetricKernelTests.Normal(rng, 0, 1e-6),
            };
        }

        return x;
    }
}
