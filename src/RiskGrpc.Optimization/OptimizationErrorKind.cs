namespace RiskGrpc.Optimization;

/// <summary>Why an optimization request could not be answered. Each value names one cause; none is a fallback.</summary>
public enum OptimizationErrorKind
{
    /// <summary>Inputs are malformed: mismatched lengths, NaN, unknown names, a non-square matrix.</summary>
    InvalidInput = 1,

    /// <summary>The constraints admit no portfolio (e.g. bounds that cannot sum to the budget, contradictory groups).</summary>
    Infeasible = 2,

    /// <summary>The target return exceeds the largest return the constraints allow.</summary>
    TargetReturnUnreachable = 3,

    /// <summary>The target volatility is below the minimum volatility the constraints allow.</summary>
    TargetVolatilityUnreachable = 4,

    /// <summary>Maximum Sharpe is undefined: no feasible portfolio has an expected return above the risk-free rate.</summary>
    NoReturnAboveRiskFree = 5,

    /// <summary>The covariance (or the QP Hessian) is not positive definite and the method needs it to be.</summary>
    NotPositiveDefinite = 6,

    /// <summary>Equality constraints are linearly dependent.</summary>
    DependentConstraints = 7,

    /// <summary>An iterative method did not converge within its iteration limit.</summary>
    NotConverged = 8,

    /// <summary>A solver stopped at its time or iteration limit before proving optimality (gRPC DEADLINE_EXCEEDED).</summary>
    SolverLimitReached = 9,

    /// <summary>A solver failed numerically or rejected the model (gRPC ABORTED with the solver status).</summary>
    SolverFailed = 10,

    /// <summary>The risk measure cannot be optimised with the solvers in place (e.g. EVaR needs an exponential cone).</summary>
    UnsupportedRiskMeasure = 11,
}
