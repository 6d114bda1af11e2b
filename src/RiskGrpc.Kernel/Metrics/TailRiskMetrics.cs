namespace RiskGrpc.Kernel;

/// <summary>VaR and CVaR at one confidence level c; z = Φ⁻¹(1 − c).</summary>
public struct TailRiskMetrics
{
    /// <summary>The confidence level c in (0, 1).</summary>
    public double Confidence { get; set; }

    /// <summary>Q(1 − c).</summary>
    public double VarHistorical { get; set; }

    /// <summary>Mean of the ⌊(n−1)(1−c)⌋ + 1 smallest returns.</summary>
    public double CvarHistorical { get; set; }

    /// <summary>mean(r) + sd(r)·z.</summary>
    public double VarGaussian { get; set; }

    /// <summary>mean(r) − sd(r)·φ(z)/(1 − c).</summary>
    public double CvarGaussian { get; set; }

    /// <summary>mean + sd·z_cf with the Cornish-Fisher expansion of z (biased skew and excess kurtosis).</summary>
    public double VarCornishFisher { get; set; }

    /// <summary>Mean of the returns strictly below var_gaussian; var_gaussian when there are none (QuantStats).</summary>
    public double CvarQuantstats { get; set; }
}
