using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Reference;

/// <summary>The kernel against the values empyrical, pyfolio and QuantStats computed (shared/data/metric-reference.json).</summary>
public sealed class ReturnsOnlyReferenceTests
{
    public static TheoryData<string, string> MappedKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in MetricReferenceCase.Cases)
        {
            foreach (var key in c.Scalars.Keys.Where(ReturnsOnlyReferenceKeys.Mapped.ContainsKey).Order(StringComparer.Ordinal))
            {
                data.Add(c.Name, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MappedKeys))]
    public void Compute_ReferenceCase_MatchesLibraryValue(string caseName, string key)
    {
        var c = MetricReferenceCase.Get(caseName);
        var expected = c.Scalars[key];

        var actual = ReturnsOnlyReferenceKeys.Mapped[key].Evaluate(c);

        if (c.AbsoluteTolerances.TryGetValue(key, out var abs))
        {
            Tolerance.Close(expected, actual, rel: 0, absFloor: abs, label: key);
        }
        else
        {
            Tolerance.Close(expected, actual, label: key);
        }
    }

    [Fact]
    public void ReferenceFile_EveryKey_IsMappedOrExcludedWithReason()
    {
        var keys = MetricReferenceCase.Cases.SelectMany(c => c.Scalars.Keys.Concat(c.Vectors.Keys)).Distinct();

        var unclassified = keys.Where(k => !ReturnsOnlyReferenceKeys.Mapped.ContainsKey(k) && !ReturnsOnlyReferenceKeys.Excluded.ContainsKey(k)).ToArray();

        Assert.Empty(unclassified);
    }
}
