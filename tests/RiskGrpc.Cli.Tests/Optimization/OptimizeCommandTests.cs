using System.Text.Json;
using RiskGrpc.TestUtils;
using Xunit;

namespace RiskGrpc.Cli.Tests.Optimization;

public sealed class OptimizeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("riskgrpc-opt-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteMoments()
    {
        File.WriteAllText(Path.Combine(_dir, "mu.csv"), "asset,value\nA,0.10\nB,0.05\n");
        File.WriteAllText(Path.Combine(_dir, "cov.csv"), ",A,B\nA,0.04,0.006\nB,0.006,0.01\n");
        return _dir;
    }

    [Fact]
    public void Optimize_PricesMinVolatilityJson_MatchesPyPortfolioOptReference()
    {
        var (code, output, err) = Run("optimize", "--prices", SharedData.DataFile("stock_prices.csv"), "--method", "min-volatility", "--risk-free", "0.02", "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0.1886078319, json.RootElement.GetProperty("weights").GetProperty("XOM").GetDouble(), 1e-4);
        Assert.Equal(0.15915084514220698, json.RootElement.GetProperty("volatility").GetDouble(), 1e-6);
        Assert.Equal(0.8204054072897756, json.RootElement.GetProperty("sharpe").GetDouble(), 1e-6);
        Assert.Equal("box-active-set", json.RootElement.GetProperty("engine").GetString());
    }

    [Fact]
    public void Optimize_MomentsMaxSharpeTable_PrintsEveryAsset()
    {
        var dir = WriteMoments();

        var (code, output, _) = Run("optimize", "--expected-returns", Path.Combine(dir, "mu.csv"), "--covariance", Path.Combine(dir, "cov.csv"), "--method", "max-sharpe", "--risk-free", "0.02");

        Assert.Equal(0, code);
        Assert.Contains("A ", output, StringComparison.Ordinal);
        Assert.Contains("B ", output, StringComparison.Ordinal);
        Assert.Contains("sharpe", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_BoundsBelowBudget_ExitsOneWithOneLine()
    {
        var dir = WriteMoments();

        var (code, output, err) = Run("optimize", "--expected-returns", Path.Combine(dir, "mu.csv"), "--covariance", Path.Combine(dir, "cov.csv"), "--method", "min-volatility", "--max-weight", "0.3");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("cannot sum to the budget", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_TargetReturnTooHigh_ExitsOneNamingTarget()
    {
        var dir = WriteMoments();

        var (code, _, err) = Run("optimize", "--expected-returns", Path.Combine(dir, "mu.csv"), "--covariance", Path.Combine(dir, "cov.csv"), "--method", "efficient-return", "--target-return", "0.5");

        Assert.Equal(1, code);
        Assert.Contains("target return", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_UnknownMethod_ExitsTwoWithOneLine()
    {
        var dir = WriteMoments();

        var (code, _, err) = Run("optimize", "--expected-returns", Path.Combine(dir, "mu.csv"), "--covariance", Path.Combine(dir, "cov.csv"), "--method", "bogus");

        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains("--method must be one of", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_MissingFile_ExitsTwo()
    {
        var (code, _, err) = Run("optimize", "--prices", Path.Combine(_dir, "nope.csv"), "--method", "hrp");

        Assert.Equal(2, code);
        Assert.Contains("cannot read", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Optimize_BlackLittermanView_TiltsTowardsViewedAsset()
    {
        var dir = WriteMoments();
        File.WriteAllText(Path.Combine(dir, "caps.csv"), "A,1\nB,1\n");

        var (code, output, err) = Run("optimize", "--covariance", Path.Combine(dir, "cov.csv"), "--market-caps", Path.Combine(dir, "caps.csv"), "--view", "B>A=0.05", "--method", "max-sharpe", "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("weights").GetProperty("B").GetDouble() > 0.5);
    }

    [Fact]
    public void Optimize_MinCvarFromPrices_MatchesPyPortfolioOptCvarPortfolio()
    {
        // Complete rows of stock_prices.csv are the scenarios of pypfopt_min_cvar_0.95 (weights to 1e-3 there).
        var (code, output, err) = Run("optimize", "--prices", SharedData.DataFile("stock_prices.csv"), "--method", "min-cvar", "--cvar-beta", "0.95", "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0.3663101129, json.RootElement.GetProperty("weights").GetProperty("PFE").GetDouble(), 1e-3);
        Assert.Equal("glop", json.RootElement.GetProperty("engine").GetString());
    }

    [Fact]
    public void Covariance_LedoitWolfJson_IsSymmetric20By20()
    {
        var (code, output, err) = Run("covariance", "--prices", SharedData.DataFile("stock_prices.csv"), "--estimator", "ledoit-wolf", "--format", "json");

        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(output);
        var m = json.RootElement.GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        Assert.Equal(20, m.Length);
        Assert.Equal(m[3][7], m[7][3]);
    }

    [Fact]
    public void Covariance_MissingEstimator_ExitsTwo()
    {
        var (code, _, err) = Run("covariance", "--prices", SharedData.DataFile("stock_prices.csv"));

        Assert.Equal(2, code);
        Assert.Contains("--estimator is required", err, StringComparison.Ordinal);
    }
}
