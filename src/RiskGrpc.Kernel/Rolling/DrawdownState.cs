namespace RiskGrpc.Kernel;

/// <summary>
/// Running maximum drawdown of one window: W_t = Π(1 + r), peak_t = max(1, max W), worst = min(0, min W_t/peak_t − 1),
/// the same operations in the same order as the scalar metric, so values are identical.
/// </summary>
internal struct DrawdownState
{
    private double wealth;
    private double peak;

    public DrawdownState()
    {
        wealth = 1;
        peak = 1;
    }

    /// <summary>min_t dd_t so far (≤ 0).</summary>
    public double Worst { get; private set; }

    public void Step(double r)
    {
        wealth *= 1 + r;
        peak = Math.Max(peak, wealth);
        Worst = Math.Min(Worst, (wealth / peak) - 1);
    }
}
