using System.Diagnostics.CodeAnalysis;

namespace RiskGrpc.Kernel;

/// <summary>Argument checks shared by the kernels; kept out of line so the hot methods stay small.</summary>
internal static class SeriesArgumentErrors
{
    [DoesNotReturn]
    public static void LengthMismatch(string paramName, int expected, int actual) =>
        throw new ArgumentException($"Length {actual} does not match the returns' length {expected}.", paramName);

    [DoesNotReturn]
    public static void TooShort(string paramName, int required, int actual) =>
        throw new ArgumentException($"Needs at least {required} elements, got {actual}.", paramName);

    [DoesNotReturn]
    public static void Overlap(string paramName) =>
        throw new ArgumentException("Must not overlap the input spans.", paramName);
}
