namespace RiskGrpc.Optimization.Solvers;

/// <summary>Kind of an <see cref="ActiveConstraint"/>.</summary>
public enum ActiveConstraintKind
{
    /// <summary>An equality row.</summary>
    Equality = 1,

    /// <summary>An inequality row aᵀx ≥ b.</summary>
    Inequality = 2,

    /// <summary>A lower bound xᵢ ≥ lᵢ.</summary>
    LowerBound = 3,

    /// <summary>An upper bound xᵢ ≤ uᵢ.</summary>
    UpperBound = 4,
}
