using Google.Protobuf;
using Google.Protobuf.Reflection;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Kernel;

namespace RiskGrpc.FunctionalTests.Infrastructure;

/// <summary>
/// Calls the kernel directly (no engine, no server) and compares a proto message with the kernel struct field by
/// field, matching proto field names to <see cref="MetricCatalogue"/> names. Doubles cross the wire exactly, so the
/// comparison is exact (NaN equals NaN).
/// </summary>
public static class KernelOracle
{
    /// <summary>Returns-only metrics and tail risk of <paramref name="returns"/>.</summary>
    public static (ReturnMetrics Metrics, TailRiskMetrics[] TailRisk) Returns(double[] returns, MetricParameters parameters, double[] confidence)
    {
        var scratch = new double[MetricKernel.ScratchLength(returns.Length)];
        var tail = new TailRiskMetrics[confidence.Length];
        MetricKernel.Compute(returns, parameters, confidence, scratch, out var metrics, tail);
        return (metrics, tail);
    }

    /// <summary>Benchmark-relative metrics.</summary>
    public static RelativeMetrics Relative(double[] returns, double[] benchmark, MetricParameters parameters)
    {
        var scratch = new double[RelativeMetricKernel.ScratchLength(returns.Length)];
        RelativeMetricKernel.Compute(returns, benchmark, parameters, scratch, out var metrics);
        return metrics;
    }

    /// <summary>Asserts every catalogue field of <paramref name="expected"/> equals the same-named proto field.</summary>
    public static void AssertEqual<T>(IReadOnlyList<MetricField<T>> catalogue, in T expected, IMessage actual)
        where T : struct
    {
        var fields = actual.Descriptor.Fields;
        foreach (var entry in catalogue)
        {
            FieldDescriptor field = fields.InDeclarationOrder().SingleOrDefault(f => f.Name == entry.Name)
                ?? throw new Xunit.Sdk.XunitException($"proto {actual.Descriptor.Name} has no field {entry.Name}");
            Tolerance.Close(entry.Get(expected), (double)field.Accessor.GetValue(actual), rel: 0, absFloor: 0, label: entry.Name);
        }
    }
}
