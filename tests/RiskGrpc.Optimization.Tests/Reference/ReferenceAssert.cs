using Xunit;

namespace RiskGrpc.Optimization.Tests.Reference;

/// <summary>Comparisons against a case's expected weights and figures within its stated tolerance.</summary>
internal static class ReferenceAssert
{
    public static void Weights(ReferenceCase c, IReadOnlyList<string> assets, IReadOnlyList<double> actual)
    {
        var expected = c.ExpectedWeights;
        Assert.Equal(expected.Count, actual.Count);
        var abs = c.HasTolerance("weights_abs") ? c.Tolerance("weights_abs") : 0.0;
        var rel = c.HasTolerance("weights_rel") ? c.Tolerance("weights_rel") : 0.0;
        var failures = new List<string>();
        foreach (var (asset, want) in expected)
        {
            var got = actual[assets.ToList().IndexOf(asset)];
            var tol = Math.Max(abs, rel * Math.Abs(want));
            if (!(Math.Abs(got - want) <= tol))
            {
                failures.Add($"{asset}: expected {want:R}, got {got:R} (diff {Math.Abs(got - want):E2} > {tol:E2})");
            }
        }

        Assert.True(failures.Count == 0, $"{c.Name} weights:\n" + string.Join("\n", failures));
    }

    public static void Performance(ReferenceCase c, string key, double actual, string toleranceKey = "performance_abs")
    {
        var want = c.Performance(key);
        var tol = c.Tolerance(toleranceKey);
        Assert.True(Math.Abs(actual - want) <= tol, $"{c.Name} {key}: expected {want:R}, got {actual:R} (diff {Math.Abs(actual - want):E2} > {tol:E2})");
    }
}
