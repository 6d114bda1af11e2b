namespace RiskGrpc.Kernel;

/// <summary>
/// Annualisation and risk-free conventions shared by every metric: A = <see cref="PeriodsPerYear"/>, rf =
/// <see cref="RiskFreeRate"/> (annual), per period rf_p = (1 + rf)^(1/A) − 1.
/// </summary>
public readonly record struct MetricParameters
{
    /// <summary>Creates parameters; A must be finite and &gt; 0, rf finite and &gt; −1 (the caller validates).</summary>
    public MetricParameters(double periodsPerYear, double riskFreeRate)
    {
        PeriodsPerYear = periodsPerYear;
        RiskFreeRate = riskFreeRate;
        RiskFreePerPeriod = riskFreeRate == 0 ? 0 : Math.Pow(1 + riskFreeRate, 1 / periodsPerYear) - 1;
    }

    /// <summary>A, the number of periods per year (252 for daily data).</summary>
    public double PeriodsPerYear { get; }

    /// <summary>rf, the annual risk-free rate.</summary>
    public double RiskFreeRate { get; }

    /// <summary>rf_p = (1 + rf)^(1/A) − 1.</summary>
    public double RiskFreePerPeriod { get; }

    /// <summary>Daily data with no risk-free rate.</summary>
    public static MetricParameters Default { get; } = new(252, 0);
}
