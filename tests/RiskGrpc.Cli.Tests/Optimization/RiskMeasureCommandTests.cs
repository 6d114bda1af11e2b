using System.Text.Json;
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

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
