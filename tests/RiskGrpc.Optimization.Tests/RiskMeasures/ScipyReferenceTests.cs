using System.Text.Json;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Optimization.Tests.RiskMeasures;

/// <summary>
/// Values from <c>Reference/generate_scenario_reference.py</c> (scipy's HiGHS LPs and SLSQP on Riskfolio's test data, with
/// formulations written independently of the C# builder): evaluation of the equal-weight portfolio and every min-risk optimum.
/// </summary>
public sealed class ScipyReferenceTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RiskMeasures", "Reference", "scenario-reference.json"))).RootElement.Clone());

    public static TheoryData<string> MinRiskMeasures()
    {
        var data = new TheoryData<string>();
        foreach (var p in Reference.Value.GetProperty("min_risk").EnumerateObject())
        {
            data.Add(new TheoryDataRow<string>(p.Name) { TestDisplayName = $"MinRisk_{p.Name}_MatchesScipyOptimum" });
        }

        return data;
    }

    [Fact]
    public void EqualWeights_EveryMeasure_MatchesNumpyEvaluation()
    {
        var expected = Reference.Value.GetProperty("equal_weight_risk");
        var actual = ScenarioRisk.EvaluateAll(ScenarioData.Riskfolio, Enumerable.Repeat(0.1, 10).ToArray());
        foreach (var m in RiskMeasureInfo.All)
        {
            var want = expected.GetProperty(RiskMeasureInfo.Name(m)).GetDouble();
            var tol = RiskMeasureInfo.NeedsExponentialCone(m) ? 1e-9 : 1e-13;
            Assert.True(Math.Abs(actual[m] - want) <= tol * Math.Max(1, Math.Abs(want)), $"{RiskMeasureInfo.Name(m)}: {actual[m]:R} vs numpy {want:R}");
        }
    }

    [Theory]
    [MemberData(nameof(MinRiskMeasures))]
    public void MinRisk_Measure_MatchesScipyOptimum(string name)
    {
        var expected = Reference.Value.GetProperty("min_risk").GetProperty(name);
        var measure = RiskMeasureInfo.Parse(name);
        var w = ScenarioOptimizer.Optimize(new ScenarioProblem { Returns = ScenarioData.Riskfolio, Measure = measure, Objective = RiskObjective.MinRisk, TimeLimit = TimeSpan.FromMinutes(10) }).Weights;
        var risk = ScenarioRisk.Evaluate(measure, ScenarioData.Riskfolio, w);
        var want = expected.GetProperty("risk").GetDouble();
        if (RiskMeasureInfo.IsLinear(measure))
        {
            // Both are exact LP optima (simplex vertices): the values agree to the solvers' feasibility tolerances.
            Assert.True(Math.Abs(risk - want) <= 1e-9 * want, $"{name}: {risk:R} vs HiGHS {want:R}");
        }
        else
        {
            // SLSQP is a local method stopped at ftol: ours (an exact active set) must not be worse than 1e-10, and not better by more than 1e-6.
            Assert.True(risk <= want * (1 + 1e-10) && risk >= want * (1 - 1e-6), $"{name}: {risk:R} vs SLSQP {want:R}");
            var weights = expected.GetProperty("weights");
            var assets = weights.EnumerateObject().Select(p => p.Value.GetDouble()).ToArray();
            for (var i = 0; i < assets.Length; i++)
            {
                Assert.True(Math.Abs(w[i] - assets[i]) <= 1e-4, $"{name}: weight {i} {w[i]:R} vs SLSQP {assets[i]:R}");
            }
        }
    }
}
