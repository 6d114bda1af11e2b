namespace RiskGrpc.Kernel.Tests.Reference;

/// <summary>
/// One reference key: the kernel field it is compared with, the confidence level for tail fields, and parameter
/// overrides (a per-period or annual risk-free rate, periods per year) that reproduce the library call.
/// </summary>
internal sealed record ReferenceMetric(
    string Key,
    Func<ReturnMetrics, TailRiskMetrics, double> Select,
    double? Confidence = null,
    double? RiskFreePerPeriod = null,
    double? RiskFreeAnnual = null,
    double? PeriodsPerYear = null,
    bool NanAsZero = false)
{
    public ReferenceMetric(string key, Func<ReturnMetrics, double> select)
        : this(key, (m, _) => select(m))
    {
    }

    /// <summary>
    /// Runs the kernel on the case with this key's parameters. NaN rows are dropped (the SKIP policy, as empyrical's
    /// nan-aware functions do) or, with <see cref="NanAsZero"/>, read as zero returns (the ZERO policy).
    /// </summary>
    public double Evaluate(MetricReferenceCase c)
    {
        var returns = NanAsZero
            ? c.Returns.Select(x => double.IsNaN(x) ? 0 : x).ToArray()
            : c.Returns.Where(double.IsFinite).ToArray();
        var a = PeriodsPerYear ?? c.PeriodsPerYear;
        var rf = RiskFreeAnnual ?? (RiskFreePerPeriod is { } rfp ? Math.Pow(1 + rfp, a) - 1 : c.RiskFree);
        var parameters = new MetricParameters(a, rf);
        double[] levels = [Confidence ?? 0.95];
        var tail = new TailRiskMetrics[1];
        MetricKernel.Compute(returns, parameters, levels, new double[MetricKernel.ScratchLength(returns.Length)], out var metrics, tail);
        return Select(metrics, tail[0]);
    }
}
