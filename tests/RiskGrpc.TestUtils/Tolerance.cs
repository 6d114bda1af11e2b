using Xunit;

namespace RiskGrpc.TestUtils;

/// <summary>Scale-aware floating-point assertions shared by the test projects.</summary>
public static class Tolerance
{
    /// <summary>
    /// Asserts |actual − expected| ≤ max(absFloor, rel·|expected|); NaN equals NaN and infinities must match exactly.
    /// </summary>
    public static void Close(double expected, double actual, double rel = 1e-9, double absFloor = 1e-12, string? label = null)
    {
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(actual), $"{label}: expected {expected}, got {actual}");
            return;
        }

        var tol = Math.Max(absFloor, rel * Math.Abs(expected));
        Assert.True(Math.Abs(actual - expected) <= tol, $"{label}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):E3} > tol {tol:E3})");
    }
}
