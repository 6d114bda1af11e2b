using System.Net;
using System.Text;
using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Backtesting;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;
using RiskGrpc.Optimization.Data;
using RiskGrpc.TestUtils;

namespace RiskGrpc.FunctionalTests.Backtesting;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class BacktestServiceTests(RiskGrpcServerFixture fixture)
{
    private static readonly Lazy<AssetTable> Prices = new(() =>
    {
        var all = AssetTableCsv.ReadFile(SharedData.DataFile("stock_prices.csv")).SelectAssets(["AAPL", "WMT", "XOM", "JPM"]).CompleteRows();
        return all.TakeLast(1300);
    });

    private static OptimizerTimeSeries Series(AssetTable table)
    {
        var series = new OptimizerTimeSeries();
        series.Assets.Add(table.Assets);
        for (var t = 0; t < table.RowCount; t++)
        {
            var row = new OptimizerTimeSeriesRow { Label = table.Labels[t] };
            for (var j = 0; j < table.AssetCount; j++)
            {
                row.Values.Add(table.Values[t, j]);
            }

            series.Rows.Add(row);
        }

        return series;
    }

    [Fact]
    public async Task RunBacktest_StreamsProgressThenTheSameResultAsTheEngine()
    {
        using var scope = fixture.VerifyNoErrors();
        var client = new BacktestService.BacktestServiceClient(fixture.Channel);
        var request = new RunBacktestRequest { Prices = Series(Prices.Value), Strategies = { "equal-weight", "max-sharpe", "supervised-knn" }, CostBps = 10 };

        using var call = client.RunBacktest(request, cancellationToken: TestContext.Current.CancellationToken);
        var messages = new List<RunBacktestResponse>();
        await foreach (var m in call.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            messages.Add(m);
        }

        Assert.Equal(RunBacktestResponse.EventOneofCase.Result, messages[^1].EventCase);
        Assert.All(messages.SkipLast(1), m => Assert.Equal(RunBacktestResponse.EventOneofCase.Progress, m.EventCase));
        Assert.NotEmpty(messages.SkipLast(1));
        var result = messages[^1].Result;

        var expected = WalkForwardBacktester.Run(
            new BacktestSpec { Returns = Prices.Value.ToSimpleReturns(), CostBps = 10 },
            [StrategyCatalog.Create("equal-weight"), StrategyCatalog.Create("max-sharpe"), StrategyCatalog.Create("supervised-knn")],
            cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["AAPL", "WMT", "XOM", "JPM"], result.Assets);
        for (var s = 0; s < 3; s++)
        {
            var got = result.Strategies[s];
            Assert.Equal(string.Empty, got.Error);
            Assert.Equal(expected.Strategies[s].Returns, got.Returns);
            Assert.Equal(expected.Strategies[s].Rebalances.Select(r => r.Weights), got.Rebalances.Select(r => r.Weights.ToArray()));
            Assert.Equal(expected.Strategies[s].Metrics["sharpe"], got.Metrics["sharpe"]);
        }

        Assert.Equal(2, result.Comparisons.Count);
        Assert.Equal(expected.Comparisons[1].IntervalLow, result.Comparisons[1].IntervalLow);
        Assert.Contains("k*=", result.Strategies[2].Rebalances[^1].Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("strategies")]
    [InlineData("data")]
    [InlineData("rebalance")]
    [InlineData("supervised_knn.horizon")]
    public async Task RunBacktest_InvalidInput_IsInvalidArgumentNamingTheField(string field)
    {
        var client = new BacktestService.BacktestServiceClient(fixture.Channel);
        var request = new RunBacktestRequest { Prices = Series(Prices.Value.TakeLast(300)), Strategies = { "equal-weight" } };
        switch (field)
        {
            case "strategies": request.Strategies.Add("crystal-ball"); break;
            case "data": request.ClearData(); break;
            case "rebalance": request.Rebalance = "hourly"; break;
            default: request.SupervisedKnn = new SupervisedKnnSettings { Horizon = 1 }; break;
        }

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = client.RunBacktest(request, cancellationToken: TestContext.Current.CancellationToken);
            await foreach (var unused in call.ResponseStream.ReadAllAsync(TestContext.Current.CancellationToken))
            {
            }
        });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }

    [Fact]
    public async Task PostRun_OverHttpJson_EndsWithTheResult()
    {
        var request = new RunBacktestRequest { Prices = Series(Prices.Value.TakeLast(500)), Strategies = { "equal-weight", "min-volatility" } };
        var body = Google.Protobuf.JsonFormatter.Default.Format(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/v1/backtests:run")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Version = HttpVersion.Version11,
        };

        using var response = await fixture.HttpClient.SendAsync(message, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"progress\"", text, StringComparison.Ordinal);
        Assert.Contains("\"comparisons\"", text, StringComparison.Ordinal);
        Assert.Contains("\"min-volatility\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_SupervisedKnn_AllocatesAtTheLatestDate()
    {
        var client = new OptimizerService.OptimizerServiceClient(fixture.Channel);
        var response = await client.OptimizeAsync(
            new OptimizeRequest { Input = new OptimizerInput { Prices = Series(Prices.Value) }, Method = OptimizationMethod.SupervisedKnn },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, response.Portfolio.Weights.Sum(w => w.Weight), 1e-9);
        Assert.All(response.Portfolio.Weights, w => Assert.True(w.Weight >= -1e-12));
        Assert.Equal("supervised-knn", response.Diagnostics.Engine);
        var knn = response.Diagnostics.SupervisedKnn;
        Assert.Equal(knn.NeighbourCount, knn.Neighbours.Count);
        Assert.Equal(1, knn.Neighbours.Sum(n => n.Weight), 1e-12);
        Assert.All(knn.Neighbours, n => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", n.Date));
        Assert.True(knn.LOverC > 0);

        var expected = RiskGrpc.Optimization.Supervised.SupervisedKnnModel.Allocate(Prices.Value.ToSimpleReturns().CompleteRows().Values, new());
        Assert.Equal(expected.Weights, response.Portfolio.Weights.Select(w => w.Weight));
    }
}
