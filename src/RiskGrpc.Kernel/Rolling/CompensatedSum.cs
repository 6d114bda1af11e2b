using System.Runtime.CompilerServices;

namespace RiskGrpc.Kernel;

/// <summary>
/// Compensated running sum (Kahan–Babuška–Neumaier, with Knuth's branch-free TwoSum for the rounding error of each
/// addition). Sliding windows add the new term and subtract the old one forever; the compensation keeps the error near
/// eps·|sum| instead of growing with the number of updates. TwoSum instead of Neumaier's |sum| ≥ |x| test: the test is
/// an unpredictable branch on return data, and mispredictions dominated the per-row cost.
/// </summary>
internal struct CompensatedSum
{
    private double sum;
    private double compensation;

    public readonly double Value => sum + compensation;

    public void Add(double x)
    {
        (sum, compensation) = TwoSum(sum, compensation, x);
    }

    /// <summary>
    /// Knuth's TwoSum on unpacked state: (sum + x, compensation + the exact rounding error of that addition). For loops
    /// that keep the running sum in locals (registers) rather than in this struct.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Sum, double Compensation) TwoSum(double sum, double compensation, double x)
    {
        var t = sum + x;
        var xPart = t - sum;
        return (t, compensation + ((sum - (t - xPart)) + (x - xPart)));
    }

    public void Reset()
    {
        sum = 0;
        compensation = 0;
    }
}
