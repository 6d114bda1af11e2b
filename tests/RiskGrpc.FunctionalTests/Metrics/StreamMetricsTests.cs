using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Metrics;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class StreamMetricsTests(RiskGrpcServerFixture fixture)
{
    private readonly MetricsService.MetricsServiceClient _client = new(fixture.Channel);

    [Fact]
    public async Task StreamMetrics_ManyPipelinedRequests_EachIdAnsweredOnce()
    {
        using var scope = fixture.VerifyNoErrors();
        const int count = 300;
        using var call = _client.StreamMetrics();

        // Read while writing: the server answers before the client has finished sending.
        var reader = Task.Run(async () =>
        {
            var answers = new List<StreamMetricsResponse>();
            await foreach (var answer in call.ResponseStream.ReadAllAsync())
            {
                answers.Add(answer);
            }

            return answers;
        });

        for (var i = 0; i < count; i++)
        {
            var request = TestSeries.Request(seed: i, n: 252 + i);
            if (i % 50 == 7)
            {
                request.Returns[2] = double.PositiveInfinity;
            }

            await call.RequestStream.WriteAsync(new StreamMetricsRequest { RequestId = "id-" + i, Request = request }).DefaultTimeout();
        }

        await call.RequestStream.CompleteAsync().DefaultTimeout();
        var answers = await reader.DefaultTimeout();

        Assert.Equal(count, answers.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => "id-" + i).Order(), answers.Select(a => a.RequestId).Order());
        foreach (var answer in answers)
        {
            var i = int.Parse(answer.RequestId.AsSpan(3), CultureInfo.InvariantCulture);
            if (i % 50 == 7)
            {
                Assert.Equal((int)Code.InvalidArgument, answer.Error.Code);
                Assert.Equal("request.returns[2]", answer.Error.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
            }
            else
            {
                Assert.Equal((uint)(252 + i), answer.Response.Observations);
            }
        }
    }

    [Fact]
    public async Task StreamMetrics_AnswerEqualsUnaryAnswer()
    {
        var request = TestSeries.Request(seed: 77, n: 500);
        using var call = _client.StreamMetrics();
        await call.RequestStream.WriteAsync(new StreamMetricsRequest { RequestId = "only", Request = request }).DefaultTimeout();

        // The answer arrives while the request stream is still open: requests are pipelined, not batched.
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());
        var streamed = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync().DefaultTimeout();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        var unary = await _client.ComputeMetricsAsync(request).ResponseAsync.DefaultTimeout();
        Assert.Equal("only", streamed.RequestId);
        Assert.Equal(unary, streamed.Response);
    }

    [Fact]
    public async Task StreamMetrics_MissingRequest_ErrorNamesRequestField()
    {
        using var call = _client.StreamMetrics();
        await call.RequestStream.WriteAsync(new StreamMetricsRequest { RequestId = "empty" }).DefaultTimeout();
        await call.RequestStream.CompleteAsync().DefaultTimeout();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        var error = call.ResponseStream.Current.Error;
        Assert.Equal((int)Code.InvalidArgument, error.Code);
        Assert.Equal("request", error.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task StreamMetrics_ClientCancelsMidStream_ServerStaysHealthy()
    {
        using var scope = fixture.VerifyNoErrors();
        using var cts = new CancellationTokenSource();
        using (var call = _client.StreamMetrics(cancellationToken: cts.Token))
        {
            for (var i = 0; i < 20; i++)
            {
                await call.RequestStream.WriteAsync(new StreamMetricsRequest { RequestId = "c" + i, Request = TestSeries.Request(i, 2000) }).DefaultTimeout();
            }

            await cts.CancelAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                }
            }).DefaultTimeout();
            Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        }

        var health = new Grpc.Health.V1.Health.HealthClient(fixture.Channel);
        var check = await health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest()).ResponseAsync.DefaultTimeout();
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, check.Status);
        var after = await _client.ComputeMetricsAsync(TestSeries.Request(1, 50)).ResponseAsync.DefaultTimeout();
        Assert.Equal(50u, after.Observations);
    }
}
