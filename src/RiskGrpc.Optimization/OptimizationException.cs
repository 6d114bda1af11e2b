namespace RiskGrpc.Optimization;

/// <summary>
/// Thrown when a problem is infeasible, ill-posed or malformed. <see cref="Kind"/> names the cause; the engine never
/// answers such a request with equal weights or clipped numbers instead.
/// </summary>
public sealed class OptimizationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OptimizationException(OptimizationErrorKind kind, string message, string? parameter = null)
        : base(message)
    {
        Kind = kind;
        Parameter = parameter;
    }

    /// <summary>Creates an <see cref="OptimizationErrorKind.InvalidInput"/> exception.</summary>
    public OptimizationException()
        : this(OptimizationErrorKind.InvalidInput, "invalid optimization input")
    {
    }

    /// <summary>Creates an <see cref="OptimizationErrorKind.InvalidInput"/> exception.</summary>
    public OptimizationException(string message)
        : this(OptimizationErrorKind.InvalidInput, message)
    {
    }

    /// <summary>Creates an <see cref="OptimizationErrorKind.InvalidInput"/> exception.</summary>
    public OptimizationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = OptimizationErrorKind.InvalidInput;
    }

    /// <summary>The cause.</summary>
    public OptimizationErrorKind Kind { get; }

    /// <summary>The offending input (e.g. <c>target_return</c>, <c>covariance</c>), when one input is to blame.</summary>
    public string? Parameter { get; }
}
