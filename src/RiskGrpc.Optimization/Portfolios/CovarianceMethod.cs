namespace RiskGrpc.Optimization.Portfolios;

/// <summary>Which covariance estimator turns a returns matrix into S.</summary>
public enum CovarianceMethod
{
    /// <summary>Pairwise-complete sample covariance (the default).</summary>
    Sample = 1,

    /// <summary>Exponentially weighted (span 180 by default).</summary>
    ExponentiallyWeighted = 2,

    /// <summary>Semicovariance below a per-period benchmark.</summary>
    Semicovariance = 3,

    /// <summary>Ledoit-Wolf shrinkage to the scaled identity.</summary>
    LedoitWolf = 4,

    /// <summary>Oracle approximating shrinkage.</summary>
    Oas = 5,

    /// <summary>Sample covariance denoised with constant residual eigenvalues.</summary>
    RmtDenoised = 6,
}
