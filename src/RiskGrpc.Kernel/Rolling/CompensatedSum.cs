namespace RiskGrpc.Kernel;

/// <summary>
/// Neumaier's compensated running sum. Sliding windows add the new term and subtract the old one forever; the
/// compensation keeps the error near eps·|sum| instead of growing with the number of updates.
/// </summary>
internal struct CompensatedSum
{
    private double sum;
    private double compensation;

    public readonly double Value => sum + compensation;

    public void Add(double x)
    {
        var t = sum + x;
        compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
        sum = t;
    }

    public void Reset()
    {
        sum = 0;
        compensation = 0;
    }
}
