using System.Text.Json;
using RiskGrpc.Backtesting;
using RiskGrpc.Optimization.Data;
using RiskGrpc.TestUtils;
using Xunit;

namespace RiskGrpc.Cli.Tests.Backtesting;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("riskgrpc-backtest-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApplication.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_HasTheDocumentedShapeAndTheEnginesNumbers()
    {
        var prices = SharedData.DataFile("stock_prices.csv");
        var (code, output, err) = Run("backtest", "--prices", prices, "--assets", "AAPL,WMT,XOM", "--strategies", "equal-weight,min-volatility", "--cost-bps", "5", "--format", "json", "--output-dir", _dir);

        Assert.True(code == 0, err);
        Assert.Contains("decisions", err, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        var s = json.RootElement.GetProperty("strategies");
        var minVol = s.GetProperty("min-volatility");
        var returns = minVol.GetProperty("returns").EnumerateArray().Select(x => x.GetDouble()).ToArray();

        var table = AssetTableCsv.ReadFile(prices).SelectAssets(["AAPL", "WMT", "XOM"]).ToSimpleReturns();
        var expected = WalkForwardBacktester.Run(new BacktestSpec { Returns = table, CostBps = 5 }, [StrategyCatalog.Create("equal-weight"), StrategyCatalog.Create("min-volatility")], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(expected.Strategies[1].Returns, returns);
        Assert.Equal(expected.Strategies[1].Metrics["sharpe"], minVol.GetProperty("metrics").GetProperty("sharpe").GetDouble());
        Assert.Equal(expected.Strategies[1].Rebalances[0].Weights[1], minVol.GetProperty("weights")[0].GetProperty("weights").GetProperty("WMT").GetDouble());
        Assert.Equal(expected.Comparisons[0].IntervalLow, json.RootElement.GetProperty("comparisons")[0].GetProperty("interval_low").GetDouble());
        Assert.True(File.Exists(Path.Combine(_dir, "min-volatility.json")));
        var tearsheet = File.ReadAllText(Path.Combine(_dir, "min-volatility.html"));
        Assert.Contains("min-volatility", tearsheet, StringComparison.Ordinal);
        Assert.Contains("equal-weight", tearsheet, StringComparison.Ordinal);
        Assert.Contains("<svg", tearsheet, StringComparison.Ordinal);
        Assert.Equal(returns.Length + 1, File.ReadAllLines(Path.Combine(_dir, "equal-weight.returns.csv")).Length);
    }

    [Fact]
    public void TableAndMarkdownListEveryStrategy()
    {
        var prices = SharedData.DataFile("stock_prices.csv");
        foreach (var format in new[] { "table", "markdown" })
        {
            var (code, output, err) = Run("backtest", "--prices", prices, "--assets", "AAPL,WMT", "--strategies", "equal-weight,hrp", "--rebalance", "every:63", "--format", format);
            Assert.True(code == 0, err);
            Assert.Contains("equal-weight", output, StringComparison.Ordinal);
            Assert.Contains("hrp", output, StringComparison.Ordinal);
            Assert.Contains("Sharpe", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--strategies", "oracle")]
    [InlineData("--rebalance", "daily")]
    [InlineData("--format", "xml")]
    public void BadInputExitsWithTwo(string option, string value)
    {
        var args = new List<string> { "backtest", "--prices", SharedData.DataFile("stock_prices.csv"), "--assets", "AAPL,WMT", "--strategies", "equal-weight" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (code, _, err) = Run([.. args]);
        Assert.Equal(2, code);
        Assert.StartsWith("error:", err, StringComparison.Ordinal);
    }
}
