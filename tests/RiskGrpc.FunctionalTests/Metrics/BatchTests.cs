using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Metrics;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class BatchTests(RiskGrpcServerFixture fixture)
{
    private readonly MetricsService.MetricsServiceClient _client = new(fixture.Channel);

    [Fact]
    public async Task ComputeMetricsBatch_OneBadSeries_ItsOwnErrorAndOthersAnswer()
    {
        using var scope = fixture.VerifyNoErrors();
        var batch = new ComputeMetricsBatchRequest();
        for (var i = 0; i < 40; i++)
        {
            batch.Requests.Add(TestSeries.Request(seed: 100 + i, n: 252));
        }

        batch.Requests[13].Returns[4] = double.NaN;

        var response = await _client.ComputeMetricsBatchAsync(batch).ResponseAsync.DefaultTimeout();

        Assert.Equal(40, response.Results.Count);
        Assert.Equal(1u, response.Failed);
        for (var i = 0; i < 40; i++)
        {
            var result = response.Results[i];
            Assert.Equal((uint)i, result.Index);
            if (i == 13)
            {
                Assert.Equal((int)Code.InvalidArgument, result.Error.Code);
                var violation = Assert.Single(result.Error.Details.Single().Unpack<BadRequest>().FieldViolations);
                Assert.Equal("requests[13].returns[4]", violation.Field);
                continue;
            }

            Assert.Equal(ComputeMetricsBatchResult.OutcomeOneofCase.Response, result.OutcomeCase);
        }

        // Parallel evaluation gives exactly what one-by-one calls give.
        foreach (var i in new[] { 0, 12, 14, 39 })
        {
            var single = await _client.ComputeMetricsAsync(batch.Requests[i]).ResponseAsync.DefaultTimeout();
            Assert.Equal(single, response.Results[i].Response);
        }
    }

    [Fact]
    public async Task ComputeMetricsBatch_MoreSeriesThanLimit_ResourceExhausted()
    {
        using var scope = fixture.VerifyNoErrors();
        var batch = new ComputeMetricsBatchRequest();
        for (var i = 0; i <= RiskGrpcServerFixture.MaxBatchSize; i++)
        {
            batch.Requests.Add(TestSeries.Request(seed: i, n: 10, withBenchmark: false));
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.ComputeMetricsBatchAsync(batch).ResponseAsync).DefaultTimeout();

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("batch size", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComputeMetricsBatch_SeriesAboveLengthLimit_ResourceExhaustedForThatSeriesOnly()
    {
        using var scope = fixture.VerifyNoErrors();
        var batch = new ComputeMetricsBatchRequest();
        batch.Requests.Add(TestSeries.Request(seed: 1, n: 20));
        var big = new ComputeMetricsRequest();
        big.Returns.AddRange(new double[RiskGrpcServerFixture.MaxSeriesLength + 1]);
        batch.Requests.Add(big);

        var response = await _client.ComputeMetricsBatchAsync(batch).ResponseAsync.DefaultTimeout();

        Assert.Equal(ComputeMetricsBatchResult.OutcomeOneofCase.Response, response.Results[0].OutcomeCase);
        Assert.Equal((int)Code.ResourceExhausted, response.Results[1].Error.Code);
        Assert.Equal(1u, response.Failed);
    }
}
