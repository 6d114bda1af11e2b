using System.Text.Json;
using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.RiskMeasures;
using RiskGrpc.TestUtils;
using Xunit;

namespace RiskGrpc.Cli.Tests.Optimization;

public sealed class RiskMeasureCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("riskgrpc-risk-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Optimize_MinRiskCdar_PrintsWeightsAndEveryRiskMeasure()
    {
        var (code, output, err) = Run("optimize", "--prices", SharedData.DataFile("riskfolio_stock_prices.csv"), "--method", "min-risk", "--risk-measure", "cdar", "--alpha", "0.05", "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var weights = json.RootElement.GetProperty("weights").EnumerateObject().Select(p => p.Value.GetDouble()).ToArray();
        Assert.Equal(1, weights.Sum(), 9);
        var risk = json.RootElement.GetProperty("risk");
        Assert.True(risk.GetProperty("cdar").GetDouble() > 0);
        Assert.True(risk.GetProperty("evar").GetDouble() >= risk.GetProperty("cvar").GetDouble());
        Assert.Equal("glop", json.RootElement.GetProperty("engine").GetString());
    }

    /// <summary>
    /// risk-parity with --risk-measure cvar: every asset's CVaR contribution wᵢ·∂CVaR/∂wᵢ is CVaR/n, on simple returns the
    /// test derives from the same prices (one-sided finite differences bracket the subgradient at a kink).
    /// </summary>
    [Fact]
    public void Optimize_RiskParityCvar_EqualContributions()
    {
        var prices = SharedData.DataFile("riskfolio_stock_prices.csv");
        var (code, output, err) = Run("optimize", "--prices", prices, "--method", "risk-parity", "--risk-measure", "cvar", "--alpha", "0.05", "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var table = AssetTableCsv.ReadFile(prices);
        var weights = json.RootElement.GetProperty("weights");
        var w = table.Assets.Select(a => weights.GetProperty(a).GetDouble()).ToArray();
        Assert.Equal(1, w.Sum(), 9);
        Assert.All(w, v => Assert.True(v > 0));
        var r = new double[table.RowCount - 1, table.AssetCount];
        for (var t = 1; t < table.RowCount; t++)
        {
            for (var j = 0; j < table.AssetCount; j++)
            {
                r[t - 1, j] = table.Values[t, j] / table.Values[t - 1, j] - 1;
            }
        }

        var cvar = ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, r, w, 0.05);
        Assert.Equal(cvar, json.RootElement.GetProperty("risk").GetProperty("cvar").GetDouble(), 1e-9);
        for (var i = 0; i < w.Length; i++)
        {
            var h = 1e-7 * w[i];
            var up = w[i] * (ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, r, Bump(w, i, h), 0.05) - cvar) / h;
            var down = w[i] * (cvar - ScenarioRisk.Evaluate(RiskMeasure.ConditionalValueAtRisk, r, Bump(w, i, -h), 0.05)) / h;
            var target = cvar / w.Length;
            Assert.True(down - 1e-6 * target <= target && target <= up + 1e-6 * target, $"{table.Assets[i]}: contribution {target:R} outside [{down:R}, {up:R}]");
        }
    }

    [Fact]
    public void Optimize_EvarMeasure_ExitsOneNamingTheMeasure()
    {
        var (code, _, err) = Run("optimize", "--prices", SharedData.DataFile("riskfolio_stock_prices.csv"), "--method", "min-risk", "--risk-measure", "evar");

        Assert.Equal(1, code);
        Assert.Contains("evar", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_UnknownMeasure_ExitsTwo()
    {
        var (code, _, err) = Run("optimize", "--prices", SharedData.DataFile("riskfolio_stock_prices.csv"), "--method", "min-risk", "--risk-measure", "kurtosis");

        Assert.Equal(2, code);
        Assert.Contains("kurtosis", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Risk_EqualWeights_MatchesOptimizeReportOfTheSameWeights()
    {
        var weightsFile = Path.Combine(_dir, "weights.csv");
        File.WriteAllText(weightsFile, "asset,weight\nAMZN,0.5\nSPY,0.5\n");

        var (code, output, err) = Run("risk", "--prices", SharedData.DataFile("riskfolio_stock_prices.csv"), "--weights", weightsFile, "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var risk = json.RootElement.GetProperty("risk");
        Assert.Equal(18, risk.EnumerateObject().Count());
        Assert.True(risk.GetProperty("max-drawdown").GetDouble() >= risk.GetProperty("cdar").GetDouble());
        Assert.True(json.RootElement.GetProperty("scenarios").GetInt32() > 100);
    }

    [Fact]
    public void Risk_UnknownAssetInWeights_ExitsTwo()
    {
        var weightsFile = Path.Combine(_dir, "weights.csv");
        File.WriteAllText(weightsFile, "asset,weight\nNOPE,1\n");

        var (code, _, err) = Run("risk", "--prices", SharedData.DataFile("riskfolio_stock_prices.csv"), "--weights", weightsFile);

        Assert.Equal(2, code);
        Assert.Contains("NOPE", err, StringComparison.Ordinal);
    }

    private static double[] Bump(double[] w, int i, double h)
    {
        var x = (double[])w.Clone();
        x[i] += h;
        return x;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
