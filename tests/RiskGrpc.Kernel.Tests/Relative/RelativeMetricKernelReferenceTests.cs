using System.Text.RegularExpressions;
using RiskGrpc.Kernel.Tests.Reference;
using RiskGrpc.TestUtils;

namespace RiskGrpc.Kernel.Tests.Relative;

/// <summary>
/// Every benchmark-relative value of ../shared/data/metric-reference.json (empyrical, pyfolio, QuantStats), matched to
/// relative 1e-9 (absolute floor 1e-12) or the case's tolerance_abs.
/// </summary>
public sealed partial class RelativeMetricKernelReferenceTests
{
    /// <summary>Reference key → the kernel fields it must equal (one for scalars, several for vector keys).</summary>
    private static readonly Dictionary<string, Func<RelativeMetrics, double[]>> KeyMap = new()
    {
        ["empyrical.excess_sharpe"] = m => [m.InformationRatio],
        ["empyrical.alpha"] = m => [m.Alpha],
        ["empyrical.beta"] = m => [m.Beta],
        ["empyrical.alpha_beta"] = m => [m.Alpha, m.Beta],
        ["empyrical.up_alpha_beta"] = m => [m.UpAlpha, m.UpBeta],
        ["empyrical.down_alpha_beta"] = m => [m.DownAlpha, m.DownBeta],
        ["empyrical.capture"] = m => [m.Capture],
        ["empyrical.up_capture"] = m => [m.UpCapture],
        ["empyrical.down_capture"] = m => [m.DownCapture],
        ["empyrical.up_down_capture"] = m => [m.UpDownCapture],
        ["empyrical.beta_fragility_heuristic"] = m => [m.BetaFragilityHeuristic],
        ["empyrical.batting_average"] = m => [m.BattingAverage, m.BattingAverageUp, m.BattingAverageDown],
        ["pyfolio.perf_stats.Alpha"] = m => [m.Alpha],
        ["pyfolio.perf_stats.Beta"] = m => [m.Beta],
        ["quantstats.information_ratio"] = m => [m.InformationRatio],
        ["quantstats.greeks.alpha"] = m => [m.AlphaLinear],
        ["quantstats.greeks.beta"] = m => [m.Beta],
        ["quantstats.r_squared"] = m => [m.RSquared],
        ["quantstats.treynor_ratio"] = m => [m.TreynorRatio],
    };

    public static TheoryData<string, string> CaseAndKey()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in MetricReferenceCase.Cases.Where(c => c.Benchmark is not null))
        {
            foreach (var key in c.Scalars.Keys.Concat(c.Vectors.Keys).Where(KeyMap.ContainsKey).Order(StringComparer.Ordinal))
            {
                data.Add(c.Name, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseAndKey))]
    public void Compute_ReferenceCase_MatchesLibraryValue(string caseName, string key)
    {
        // Arrange
        var c = MetricReferenceCase.Get(caseName);
        var expected = c.Vectors.TryGetValue(key, out var v) ? v : [c.Scalars[key]];
        var parameters = new MetricParameters(c.PeriodsPerYear, c.RiskFree);

        // Act
        var actual = KeyMap[key](RelativeMetricsFields.Run(c.Returns, c.Benchmark!, parameters));

        // Assert
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            AssertClose(c, key, expected[i], actual[i], $"{caseName} {key}[{i}]");
        }
    }

    [Fact]
    public void ReferenceFile_EveryBenchmarkRelativeKey_IsMapped()
    {
        var unmapped = MetricReferenceCase.Cases
            .Where(c => c.Benchmark is not null)
            .SelectMany(c => c.Scalars.Keys.Concat(c.Vectors.Keys))
            .Where(k => RelativeKeyPattern().IsMatch(k) && !KeyMap.ContainsKey(k))
            .Distinct()
            .ToArray();

        Assert.Empty(unmapped);
        Assert.True(CaseAndKey().Count >= KeyMap.Count, "every mapped key is present in some reference case");
    }

    /// <summary>
    /// empyrical's test <c>excess_sharpe(mixed_returns, 0.0)</c>: a benchmark of zeros; row 0 is NaN and is dropped, as
    /// the SKIP policy does (empyrical's nanmean/nanstd skip it too).
    /// </summary>
    [Fact]
    public void Compute_MixedReturnsAgainstZeroBenchmark_MatchesEmpyricalExcessSharpe()
    {
        // Arrange
        const string Key = "empyrical.excess_sharpe(factor_returns=0.0)";
        var c = MetricReferenceCase.Get("empyrical-test:mixed_returns");
        var returns = c.Returns.Where(double.IsFinite).ToArray();
        var benchmark = new double[returns.Length];

        // Act
        var m = RelativeMetricsFields.Run(returns, benchmark, new MetricParameters(c.PeriodsPerYear, c.RiskFree));

        // Assert
        Assert.Equal(c.Returns.Length - 1, returns.Length);
        AssertClose(c, Key, c.Scalars[Key], m.InformationRatio, Key);
    }

    private static void AssertClose(MetricReferenceCase c, string key, double expected, double actual, string label)
    {
        if (c.AbsoluteTolerances.TryGetValue(key, out var abs))
        {
            Tolerance.Close(expected, actual, rel: 0, absFloor: abs, label: label);
        }
        else
        {
            Tolerance.Close(expected, actual, label: label);
        }
    }

    [GeneratedRegex(@"alpha|beta|capture|batting|excess_sharpe|information_ratio|greeks|r_squared|treynor|fragility", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeKeyPattern();
}
