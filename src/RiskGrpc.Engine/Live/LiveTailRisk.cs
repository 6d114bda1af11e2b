namespace RiskGrpc.Engine.Live;

/// <summary>VaR and CVaR of a window at one confidence level c, as returns; z = Φ⁻¹(1 − c).</summary>
public struct LiveTailRisk
{
    /// <summary>The confidence level c.</summary>
    public double Confidence { get; set; }

    /// <summary>Q(1 − c), linear interpolation at h = (n − 1)(1 − c); NaN when the window is empty.</summary>
    public double VarHistorical { get; set; }

    /// <summary>Mean of the ⌊(n − 1)(1 − c)⌋ + 1 smallest returns; NaN when empty.</summary>
    public double CvarHistorical { get; set; }

    /// <summary>mean + sd·z; NaN below 2 observations.</summary>
    public double VarGaussian { get; set; }

    /// <summary>mean − sd·φ(z)/(1 − c); NaN below 2 observations.</summary>
    public double CvarGaussian { get; set; }

    /// <summary>mean + sd·z_cf (Cornish-Fisher with biased skew and excess kurtosis); NaN below 2 observations or with zero spread.</summary>
    public double VarCornishFisher { get; set; }

    /// <summary>Mean of the returns ≤ <see cref="VarCornishFisher"/>; that VaR itself when none is.</summary>
    public double CvarCornishFisher { get; set; }
}
