using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Compare;

/// <summary>
/// A call measured against the server's cheapest call under identical load: rate ratio on successful calls
/// (<c>okRps</c>, so errors never help) and p99 ratio. The foundation issue's serving targets are
/// rps ≥ 0.80 × health and p99 ≤ 1.2 × health.
/// </summary>
internal sealed record Comparison(LoadSummary Baseline, LoadSummary Candidate)
{
    /// <summary>Minimum rps(candidate) / rps(baseline) the serving target asks for.</summary>
    public const double RpsRatioTarget = 0.80;

    /// <summary>Maximum p99(candidate) / p99(baseline) the serving target allows.</summary>
    public const double P99RatioTarget = 1.20;

    /// <summary>okRps(candidate) / okRps(baseline); NaN when the baseline had no successful call.</summary>
    public double RpsRatio => Baseline.OkRps > 0 ? Candidate.OkRps / Baseline.OkRps : double.NaN;

    /// <summary>p99(candidate) / p99(baseline) over OK calls; NaN when either has no p99.</summary>
    public double P99Ratio =>
        Baseline.Percentile(99) is { } b and > 0 && Candidate.Percentile(99) is { } c ? (double)c / b : double.NaN;

    /// <summary>True when both runs ended with every call OK.</summary>
    public bool ErrorFree => Baseline.OkCount == Baseline.Count && Candidate.OkCount == Candidate.Count;

    /// <summary>The rps target is met (and both runs were error-free).</summary>
    public bool RpsTargetMet => ErrorFree && RpsRatio >= RpsRatioTarget;

    /// <summary>The p99 target is met (and both runs were error-free).</summary>
    public bool P99TargetMet => ErrorFree && P99Ratio <= P99RatioTarget;
}
