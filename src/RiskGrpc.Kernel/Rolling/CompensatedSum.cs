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
        var t = sum + x;
        var xPart = t - sum;
        compensation += (sum - (t - xPart)) + (x - xPart);
        sum = t;
    }

    public void Reset()
    {
        sum = 0;
        compensation = 0;
    }
}
