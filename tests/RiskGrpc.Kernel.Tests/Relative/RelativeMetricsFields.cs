namespace RiskGrpc.Kernel.Tests.Relative;

/// <summary>Every field of <see cref="RelativeMetrics"/> by name, so tests compare all of them and name the one that differs.</summary>
internal static class RelativeMetricsFields
{
    public static IEnumerable<(string Name, double Value)> Enumerate(RelativeMetrics m)
    {
        yield return (nameof(m.Beta), m.Beta);
        yield return (nameof(m.Alpha), m.Alpha);
        yield return (nameof(m.AlphaLinear), m.AlphaLinear);
        yield return (nameof(m.InformationRatio), m.InformationRatio);
        yield return (nameof(m.TrackingError), m.TrackingError);
        yield return (nameof(m.Correlation), m.Correlation);
        yield return (nameof(m.RSquared), m.RSquared);
        yield return (nameof(m.TreynorRatio), m.TreynorRatio);
        yield return (nameof(m.Capture), m.Capture);
        yield return (nameof(m.UpCapture), m.UpCapture);
        yield return (nameof(m.DownCapture), m.DownCapture);
        yield return (nameof(m.UpDownCapture), m.UpDownCapture);
        yield return (nameof(m.UpAlpha), m.UpAlpha);
        yield return (nameof(m.UpBeta), m.UpBeta);
        yield return (nameof(m.DownAlpha), m.DownAlpha);
        yield return (nameof(m.DownBeta), m.DownBeta);
        yield return (nameof(m.BattingAverage), m.BattingAverage);
        yield return (nameof(m.BattingAverageUp), m.BattingAverageUp);
        yield return (nameof(m.BattingAverageDown), m.BattingAverageDown);
        yield return (nameof(m.BetaFragilityHeuristic), m.BetaFragilityHeuristic);
    }

    /// <summary>Runs the kernel with exactly-sized scratch.</summary>
    public static RelativeMetrics Run(double[] r, double[] b, MetricParameters p)
    {
        var scratch = new double[RelativeMetricKernel.ScratchLength(r.Length)];
        RelativeMetricKernel.Compute(r, b, p, scratch, out var m);
        return m;
    }
}
