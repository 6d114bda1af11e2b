using System.Reflection;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Metrics;

/// <summary>Field-by-field comparison of metric structs (NaN equals NaN, infinities must match).</summary>
internal static class MetricAssert
{
    private static readonly PropertyInfo[] ReturnFields = typeof(ReturnMetrics).GetProperties();
    private static readonly PropertyInfo[] TailFields = typeof(TailRiskMetrics).GetProperties();

    public static void Equal(ReturnMetrics expected, ReturnMetrics actual, string label, double rel = 1e-9, double absFloor = 1e-12)
    {
        foreach (var f in ReturnFields)
        {
            Tolerance.Close((double)f.GetValue(expected)!, (double)f.GetValue(actual)!, rel, absFloor, $"{label} {f.Name}");
        }
    }

    public static void Equal(TailRiskMetrics expected, TailRiskMetrics actual, string label, double rel = 1e-9, double absFloor = 1e-12)
    {
        foreach (var f in TailFields)
        {
            Tolerance.Close((double)f.GetValue(expected)!, (double)f.GetValue(actual)!, rel, absFloor, $"{label} {f.Name}");
        }
    }
}
