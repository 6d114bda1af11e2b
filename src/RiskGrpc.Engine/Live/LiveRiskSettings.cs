using MathNet.Numerics.Distributions;

namespace RiskGrpc.Engine.Live;

/// <summary>
/// A portfolio's effective configuration, immutable; a configuration event builds a new one. Precomputes
/// z = Φ⁻¹(1 − c) and φ(z) per confidence level so that no event pays for them.
/// </summary>
internal sealed class LiveRiskSettings
{
    /// <summary>Most confidence levels a portfolio can have.</summary>
    public const int MaxConfidenceLevels = 4;

    public LiveRiskSettings(
        int windowLength,
        double[] confidenceLevels,
        LiveMetricSelection selection,
        TimeSpan minUpdateInterval,
        double periodsPerYear,
        double riskFreeRate,
        double? capital)
    {
        WindowLength = windowLength;
        ConfidenceLevels = confidenceLevels;
        Selection = selection;
        MinUpdateInterval = minUpdateInterval;
        PeriodsPerYear = periodsPerYear;
        RiskFreeRate = riskFreeRate;
        Capital = capital;
        RiskFreePerPeriod = riskFreeRate == 0 ? 0 : Math.Pow(1 + riskFreeRate, 1 / periodsPerYear) - 1;
        SqrtPeriods = Math.Sqrt(periodsPerYear);
        Z = new double[confidenceLevels.Length];
        Density = new double[confidenceLevels.Length];
        for (var i = 0; i < confidenceLevels.Length; i++)
        {
            Z[i] = Normal.InvCDF(0, 1, 1 - confidenceLevels[i]);
            Density[i] = Normal.PDF(0, 1, Z[i]);
        }
    }

    public int WindowLength { get; }

    public double[] ConfidenceLevels { get; }

    public double[] Z { get; }

    public double[] Density { get; }

    public LiveMetricSelection Selection { get; }

    public TimeSpan MinUpdateInterval { get; }

    public double PeriodsPerYear { get; }

    public double SqrtPeriods { get; }

    public double RiskFreeRate { get; }

    public double RiskFreePerPeriod { get; }

    public double? Capital { get; }

    /// <summary>The defaults: the given window, c = 0.95, every metric, no pacing, A = 252, rf = 0, no capital.</summary>
    public static LiveRiskSettings CreateDefault(int windowLength) =>
        new(windowLength, [0.95], LiveMetricSelection.All, TimeSpan.Zero, 252, 0, null);

    /// <summary>Applies a validated change: zero/empty/null members keep the current value.</summary>
    public LiveRiskSettings With(LiveConfigurationChange change) => new(
        change.WindowLength > 0 ? change.WindowLength : WindowLength,
        change.ConfidenceLevels.Count > 0 ? change.ConfidenceLevels.ToArray() : ConfidenceLevels,
        change.Metrics != LiveMetricSelection.None ? change.Metrics : Selection,
        change.MinUpdateInterval ?? MinUpdateInterval,
        change.PeriodsPerYear > 0 ? change.PeriodsPerYear : PeriodsPerYear,
        change.RiskFreeRate ?? RiskFreeRate,
        change.Capital ?? Capital);
}
