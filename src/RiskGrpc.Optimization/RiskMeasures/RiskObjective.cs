namespace RiskGrpc.Optimization.RiskMeasures;

/// <summary>What to optimise, independently of the <see cref="RiskMeasure"/> (CLI names in brackets).</summary>
public enum RiskObjective
{
    /// <summary>Minimise ρ(w) [min-risk].</summary>
    MinRisk = 1,

    /// <summary>Maximise (μᵀw − r_f)/ρ(w), solved homogenised: min ρ(y) s.t. μᵀy − r_f·k = 1, w = y/k [max-ratio].</summary>
    MaxRatio = 2,

    /// <summary>Maximise μᵀw − λ·ρ(w) [max-utility].</summary>
    MaxUtility = 3,

    /// <summary>Minimise ρ(w) s.t. μᵀw ≥ target [efficient-return].</summary>
    EfficientReturn = 4,

    /// <summary>Maximise μᵀw s.t. ρ(w) ≤ cap [efficient-risk].</summary>
    EfficientRisk = 5,
}
