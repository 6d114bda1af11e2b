using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Optimization.Data;
using RiskGrpc.Server.Optimization;
using RiskGrpc.TestUtils;
using Xunit;

namespace RiskGrpc.FunctionalTests.Optimization;

public sealed class OptimizerGrpcServiceTests
{
    private static readonly Lazy<OptimizerTimeSeries> StockPrices = new(() =>
    {
        var table = AssetTableCsv.ReadFile(SharedData.DataFile("stock_prices.csv"));
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
    });

    private readonly OptimizerGrpcService _service = new(NullLogger<OptimizerGrpcService>.Instance);

    private static OptimizerMoments TwoAssets() => new()
    {
        Assets = { "A", "B" },
        ExpectedReturns = { 0.10, 0.05 },
        Covariance = { 0.04, 0.006, 0.006, 0.01 },
    };

    [Fact]
    public async Task Optimize_PricesMinVolatility_MatchesPyPortfolioOptReference()
    {
        var request = new OptimizeRequest { Input = new OptimizerInput { Prices = StockPrices.Value }, Method = OptimizationMethod.MinVolatility, RiskFreeRate = 0.02 };

        var response = await _service.Optimize(request, new FakeServerCallContext()).DefaultTimeout();

        var w = response.Portfolio.Weights.ToDictionary(x => x.Asset, x => x.Weight);
        Assert.Equal(0.1886078319, w["XOM"], 1e-4);
        Assert.Equal(0.0, w["AMZN"]);
        Assert.Equal(0.15915084514220698, response.Portfolio.Volatility, 1e-6);
        Assert.Equal(0.8204054072897756, response.Portfolio.Sharpe, 1e-6);
        Assert.Equal("box-active-set", response.Diagnostics.Engine);
        Assert.Equal(OptimizationStatus.Optimal, response.Diagnostics.Status);
        Assert.Contains("budget", response.Diagnostics.ActiveConstraints);
        Assert.Equal(response.Portfolio.Volatility, response.Portfolio.Weights.Sum(x => x.RiskContribution), 1e-12);
    }

    [Fact]
    public async Task Optimize_MomentsMaxSharpe_ReturnsTangencyPortfolio()
    {
        var request = new OptimizeRequest { Input = new OptimizerInput { Moments = TwoAssets() }, Method = OptimizationMethod.MaxSharpe, RiskFreeRate = 0.02 };

        var response = await _service.Optimize(request, new FakeServerCallContext()).DefaultTimeout();

        // Unconstrained tangency w ∝ S⁻¹(μ − rf) = [0.08·0.01 − 0.006·0.03, 0.04·0.03 − 0.006·0.08] / det.
        var a = (0.08 * 0.01) - (0.006 * 0.03);
        var b = (0.04 * 0.03) - (0.006 * 0.08);
        Assert.Equal(a / (a + b), response.Portfolio.Weights[0].Weight, 1e-12);
    }

    [Fact]
    public async Task Optimize_HrpFromPrices_WeightsSumToOne()
    {
        var request = new OptimizeRequest { Input = new OptimizerInput { Prices = StockPrices.Value }, Method = OptimizationMethod.Hrp };

        var response = await _service.Optimize(request, new FakeServerCallContext()).DefaultTimeout();

        Assert.Equal(1.0, response.Portfolio.Weights.Sum(x => x.Weight), 1e-12);
        Assert.Equal(OptimizationStatus.ClosedForm, response.Diagnostics.Status);
    }

    [Theory]
    [InlineData("linkage")]
    [InlineData("cluster_risk")]
    [InlineData("solver")]
    [InlineData("input.covariance_estimator")]
    public async Task Optimize_UnknownEnumValue_InvalidArgumentNamingTheField(string field)
    {
        // A value a newer client may send: rejected, never silently replaced by the default.
        var request = new OptimizeRequest { Method = OptimizationMethod.Hrp, Input = new OptimizerInput { Moments = TwoAssets() } };
        switch (field)
        {
            case "linkage": request.Linkage = (LinkageMethod)99; break;
            case "cluster_risk": request.ClusterRisk = (ClusterRiskMeasure)99; break;
            case "solver": request.Solver = (OptimizerSolver)99; break;
            default: request.Input.CovarianceEstimator = (CovarianceEstimator)99; break;
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => _service.Optimize(request, new FakeServerCallContext())).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Optimize_UnspecifiedMethod_InvalidArgumentWithFieldViolation()
    {
        var request = new OptimizeRequest { Input = new OptimizerInput { Moments = TwoAssets() } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _service.Optimize(request, new FakeServerCallContext())).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("method", violation.Field);
    }

    [Fact]
    public async Task Optimize_CovarianceWrongSize_InvalidArgumentNamingCovariance()
    {
        var moments = TwoAssets();
        moments.Covariance.RemoveAt(3);
        var request = new OptimizeRequest { Input = new OptimizerInput { Moments = moments }, Method = OptimizationMethod.MinVolatility };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _service.Optimize(request, new FakeServerCallContext())).DefaultTimeout();

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("input.moments.covariance", ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }

    [Fact]
    public async Task Optimize_TargetReturnAboveMaximum_FailedPreconditionNamingCause()
    {
        var request = new OptimizeRequest { Input = new OptimizerInput { Moments = TwoAssets() }, Method = OptimizationMethod.EfficientReturn, TargetReturn = 0.5 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _service.Optimize(request, new FakeServerCallContext())).DefaultTimeout();

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("TargetReturnUnreachable", violation.Type);
        Assert.Equal("target_return", violation.Subject);
    }

    [Fact]
    public async Task Optimize_BoundsBelowBudget_FailedPreconditionInfeasible()
    {
        var request = new OptimizeRequest
        {
            Input = new OptimizerInput { Moments = TwoAssets() },
            Method = OptimizationMethod.MinVolatility,
            Constraints = new OptimizerConstraints { MaxWeight = 0.4 },
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _service.Optimize(request, new FakeServerCallContext())).DefaultTimeout();

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("cannot sum to the budget", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optimize_AllReturnsBelowRiskFree_FailedPrecondition()
    {
        var request = new OptimizeRequest { Input = new OptimizerInput { Moments = TwoAssets() }, Method = OptimizationMethod.MaxSharpe, RiskFreeRate = 0.2 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _service.Optimize(request, new FakeServerCallContext())).DefaultTimeout();

        Assert.Equal("NoReturnAboveRiskFree", ex.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations[0].Type);
    }

    [Fact]
    public async Task ComputeEfficientFrontier_TenPoints_ReturnsIncreaseAndVolatilitiesIncrease()
    {
        var request = new ComputeEfficientFrontierRequest { Input = new OptimizerInput { Moments = TwoAssets() }, Points = 10 };

        var response = await _service.ComputeEfficientFrontier(request, new FakeServerCallContext()).DefaultTimeout();

        Assert.Equal(10, response.Portfolios.Count);
        for (var k = 1; k < 10; k++)
        {
            Assert.True(response.Portfolios[k].ExpectedReturn > response.Portfolios[k - 1].ExpectedReturn - 1e-12);
            Assert.True(response.Portfolios[k].Volatility > response.Portfolios[k - 1].Volatility - 1e-12);
        }
    }

    [Fact]
    public async Task ComputeEfficientFrontier_OnePoint_InvalidArgument()
    {
        var request = new ComputeEfficientFrontierRequest { Input = new OptimizerInput { Moments = TwoAssets() }, Points = 1 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => _service.ComputeEfficientFrontier(request, new FakeServerCallContext())).DefaultTimeout();

        Assert.Equal("points", ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }
}
