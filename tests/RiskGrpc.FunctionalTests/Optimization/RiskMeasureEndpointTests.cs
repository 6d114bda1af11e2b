using System.Net;
using System.Text;
using System.Text.Json;
using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;
using RiskGrpc.Optimization.Data;
using RiskGrpc.TestUtils;
using ScenarioMeasure = RiskGrpc.Optimization.RiskMeasures.RiskMeasure;
using ScenarioRisk = RiskGrpc.Optimization.RiskMeasures.ScenarioRisk;

namespace RiskGrpc.FunctionalTests.Optimization;

/// <summary>Scenario risk measures through the real server: gRPC Optimize/EvaluateRisk and REST evaluateRisk.</summary>
[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class RiskMeasureEndpointTests(RiskGrpcServerFixture fixture)
{
    private static readonly string[] TwoAssets = ["A", "B"];

    private static readonly Lazy<(OptimizerTimeSeries Series, AssetTable Table)> Prices = new(() =>
    {
        var table = AssetTableCsv.ReadFile(SharedData.DataFile("riskfolio_stock_prices.csv"));
        var series = new OptimizerTimeSeries();
        series.Assets.Add(table.Assets);
        for (var t = table.RowCount - 301; t < table.RowCount; t++)
        {
            var row = new OptimizerTimeSeriesRow { Label = table.Labels[t] };
            for (var j = 0; j < table.AssetCount; j++)
            {
                row.Values.Add(table.Values[t, j]);
            }

            series.Rows.Add(row);
        }

        return (series, table);
    });

    [Fact]
    public async Task Optimize_MinRiskCvarObjective_ReportsEveryMeasureEqualToEvaluateRisk()
    {
        using var scope = fixture.VerifyNoErrors();
        var client = new OptimizerService.OptimizerServiceClient(fixture.Channel);
        var request = new OptimizeRequest
        {
            Input = new OptimizerInput { Prices = Prices.Value.Series, ExpectedReturnsEstimator = ExpectedReturnsEstimator.Mean },
            Objective = OptimizationObjective.MinRisk,
            RiskMeasure = RiskMeasure.Cvar,
            Alpha = 0.05,
        };

        var response = await client.OptimizeAsync(request).ResponseAsync.DefaultTimeout();

        Assert.Equal("glop", response.Diagnostics.Engine);
        Assert.Equal(18, response.Risk.Count);
        var evaluate = new EvaluateRiskRequest { Input = new OptimizerInput { Prices = Prices.Value.Series }, Alpha = 0.05 };
        foreach (var w in response.Portfolio.Weights)
        {
            evaluate.Weights[w.Asset] = w.Weight;
        }

        var evaluated = await client.EvaluateRiskAsync(evaluate).ResponseAsync.DefaultTimeout();
        Assert.Equal(300, evaluated.Scenarios);
        foreach (var (optimized, direct) in response.Risk.Zip(evaluated.Risk))
        {
            Assert.Equal(direct.Measure, optimized.Measure);
            Assert.Equal(direct.Value, optimized.Value, 1e-15);
        }

        // The CVaR optimum beats equal weights on CVaR.
        var equal = new EvaluateRiskRequest { Input = evaluate.Input };
        foreach (var a in Prices.Value.Series.Assets)
        {
            equal.Weights[a] = 1.0 / Prices.Value.Series.Assets.Count;
        }

        var equalRisk = await client.EvaluateRiskAsync(equal).ResponseAsync.DefaultTimeout();
        Assert.True(response.Risk.Single(r => r.Measure == RiskMeasure.Cvar).Value < equalRisk.Risk.Single(r => r.Measure == RiskMeasure.Cvar).Value);
    }

    /// <summary>
    /// Risk budgeting with CVaR end to end: the weights' CVaR contributions wᵢ·∂CVaR/∂wᵢ equal ρ·bᵢ for the requested budgets,
    /// checked on the scenarios the test derives itself from the same prices (one-sided finite differences of a convex
    /// function bracket the subgradient at a kink).
    /// </summary>
    [Fact]
    public async Task Optimize_RiskParityCvarWithBudgets_ContributionsMatchBudgets()
    {
        using var scope = fixture.VerifyNoErrors();
        var client = new OptimizerService.OptimizerServiceClient(fixture.Channel);
        var assets = Prices.Value.Series.Assets;
        var request = new OptimizeRequest
        {
            Input = new OptimizerInput { Prices = Prices.Value.Series },
            Objective = OptimizationObjective.RiskParity,
            RiskMeasure = RiskMeasure.Cvar,
            Alpha = 0.05,
        };
        for (var j = 0; j < assets.Count; j++)
        {
            request.RiskBudgets[assets[j]] = j == 0 ? 3 : 1;
        }

        var response = await client.OptimizeAsync(request).ResponseAsync.DefaultTimeout();

        var w = assets.Select(a => response.Portfolio.Weights.Single(x => x.Asset == a).Weight).ToArray();
        Assert.Equal(1, w.Sum(), 12);
        Assert.All(w, v => Assert.True(v > 0));
        var rows = Prices.Value.Series.Rows;
        var returns = new double[rows.Count - 1, assets.Count];
        for (var t = 1; t < rows.Count; t++)
        {
            for (var j = 0; j < assets.Count; j++)
            {
                returns[t - 1, j] = rows[t].Values[j] / rows[t - 1].Values[j] - 1;
            }
        }

        var cvar = ScenarioRisk.Evaluate(ScenarioMeasure.ConditionalValueAtRisk, returns, w, 0.05);
        Assert.Equal(cvar, response.Risk.Single(r => r.Measure == RiskMeasure.Cvar).Value, 1e-12);
        var budgetTotal = assets.Count + 2.0;
        for (var i = 0; i < w.Length; i++)
        {
            var h = 1e-7 * w[i];
            var up = w[i] * (Cvar(Bump(w, i, h)) - cvar) / h;
            var down = w[i] * (cvar - Cvar(Bump(w, i, -h))) / h;
            var target = cvar * (i == 0 ? 3 : 1) / budgetTotal;
            var tol = 1e-6 * target;
            Assert.True(down - tol <= target && target <= up + tol, $"asset {assets[i]}: budget contribution {target:R} outside [{down:R}, {up:R}]");
        }

        double Cvar(double[] x) => ScenarioRisk.Evaluate(ScenarioMeasure.ConditionalValueAtRisk, returns, x, 0.05);
    }

    [Fact]
    public async Task Optimize_EvarMeasure_FailedPreconditionNamingTheMeasure()
    {
        var client = new OptimizerService.OptimizerServiceClient(fixture.Channel);
        var request = new OptimizeRequest { Input = new OptimizerInput { Prices = Prices.Value.Series }, Objective = OptimizationObjective.MinRisk, RiskMeasure = RiskMeasure.Evar };

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.OptimizeAsync(request).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("risk_measure", violation.Subject);
        Assert.Contains("evar", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostEvaluateRisk_Json_ReturnsNamedMeasures()
    {
        using var scope = fixture.VerifyNoErrors();
        var body = JsonSerializer.Serialize(new
        {
            input = new { returns = new { assets = TwoAssets, rows = new[] { Row(0.01, -0.02), Row(-0.03, 0.01), Row(0.02, 0.00), Row(-0.01, 0.03) } } },
            weights = new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.5 },
            alpha = 0.25,
        });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await fixture.HttpClient.PostAsync(new Uri("/v1/optimizer:evaluateRisk", UriKind.Relative), content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        var risk = json.RootElement.GetProperty("risk").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetDouble());

        // Portfolio returns −0.005, −0.01, 0.01, 0.01: worst −0.01; α = 0.25 of 4 scenarios is that one loss.
        Assert.Equal(0.01, risk["worst-realization"], 15);
        Assert.Equal(0.01, risk["cvar"], 15);
        Assert.Equal(0.015, risk["max-drawdown"], 15);
        Assert.Equal(4, json.RootElement.GetProperty("scenarios").GetInt32());
    }

    private static double[] Bump(double[] w, int i, double h)
    {
        var x = (double[])w.Clone();
        x[i] += h;
        return x;
    }

    private static object Row(double a, double b) => new { label = "d", values = new[] { a, b } };
}
