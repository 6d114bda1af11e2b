namespace RiskGrpc.Optimization.Estimators;

/// <summary>How <see cref="CovarianceRepair.Repair"/> makes a matrix positive semidefinite.</summary>
public enum CovarianceRepairMethod
{
    /// <summary>Clip negative eigenvalues to zero.</summary>
    Spectral = 1,

    /// <summary>Add −1.1·λ_min to the diagonal.</summary>
    Diagonal = 2,
}
