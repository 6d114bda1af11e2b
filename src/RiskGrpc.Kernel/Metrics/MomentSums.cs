namespace RiskGrpc.Kernel;

/// <summary>
/// Sums gathered by the two vectorised passes over the returns (<see cref="MetricKernel"/>): order-free reductions
/// only, so the passes can run in any lane order.
/// </summary>
internal struct MomentSums
{
    /// <summary>Σr.</summary>
    public double Sum;

    /// <summary>min r.</summary>
    public double Min;

    /// <summary>max r.</summary>
    public double Max;

    /// <summary>#(r &gt; 0).</summary>
    public double PositiveCount;

    /// <summary>#(r &lt; 0).</summary>
    public double NegativeCount;

    /// <summary>Σ_{r&gt;0} r.</summary>
    public double PositiveSum;

    /// <summary>Σ_{r&lt;0} r.</summary>
    public double NegativeSum;

    /// <summary>Σ min(e, 0)², e = r − rf_p.</summary>
    public double DownsideSquares;

    /// <summary>Σ max(e, 0).</summary>
    public double ExcessGain;

    /// <summary>Σ max(−e, 0).</summary>
    public double ExcessLoss;

    /// <summary>Arithmetic mean of r (exactly the common value when the series is constant).</summary>
    public double Mean;

    /// <summary>Σ (r − mean)².</summary>
    public double Centred2;

    /// <summary>Σ (r − mean)³.</summary>
    public double Centred3;

    /// <summary>Σ (r − mean)⁴.</summary>
    public double Centred4;

    /// <summary>Σ (a − mean(a))², a = r[0..n−2].</summary>
    public double LagVarianceHead;

    /// <summary>Σ (b − mean(b))², b = r[1..n−1].</summary>
    public double LagVarianceTail;

    /// <summary>Σ (a − mean(a))(b − mean(b)).</summary>
    public double LagCovariance;
}
