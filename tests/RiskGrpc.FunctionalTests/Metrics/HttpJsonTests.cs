using System.Net;
using System.Text;
using System.Text.Json;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Metrics;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class HttpJsonTests(RiskGrpcServerFixture fixture)
{
    private static readonly double[] Confidence99 = [0.99];

    [Fact]
    public async Task PostCompute_Http11Json_ReturnsCamelCaseMetricsEqualToGrpc()
    {
        using var scope = fixture.VerifyNoErrors();
        var returns = TestSeries.Returns(seed: 5, n: 100);
        var body = JsonSerializer.Serialize(new { returns, periodsPerYear = 252, confidenceLevels = Confidence99 });
        using var message = new HttpRequestMessage(HttpMethod.Post, "/v1/metrics:compute")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Version = HttpVersion.Version11,
        };

        using var response = await fixture.HttpClient.SendAsync(message).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        var metrics = json.RootElement.GetProperty("metrics");
        var grpc = new MetricsService.MetricsServiceClient(fixture.Channel);
        var request = new ComputeMetricsRequest { PeriodsPerYear = 252, ConfidenceLevels = { 0.99 } };
        request.Returns.AddRange(returns);
        var expected = await grpc.ComputeMetricsAsync(request).ResponseAsync.DefaultTimeout();
        Assert.Equal(expected.Metrics.Sharpe, metrics.GetProperty("sharpe").GetDouble());
        Assert.Equal(expected.Metrics.TotalReturn, metrics.GetProperty("totalReturn").GetDouble());
        Assert.Equal(expected.Metrics.MaxDrawdown, metrics.GetProperty("maxDrawdown").GetDouble());
        Assert.Equal(0.99, json.RootElement.GetProperty("tailRisk")[0].GetProperty("confidence").GetDouble());
        Assert.Equal(expected.TailRisk[0].VarHistorical, json.RootElement.GetProperty("tailRisk")[0].GetProperty("varHistorical").GetDouble());
    }

    [Fact]
    public async Task PostCompute_InfinityInReturns_400WithFieldViolationDetails()
    {
        using var scope = fixture.VerifyNoErrors();
        using var content = new StringContent("""{"returns":[0.01,"Infinity",0.02]}""", Encoding.UTF8, "application/json");

        using var response = await fixture.HttpClient.PostAsync(new Uri("/v1/metrics:compute", UriKind.Relative), content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(3, json.RootElement.GetProperty("code").GetInt32());
        var detail = json.RootElement.GetProperty("details")[0];
        Assert.Equal("type.googleapis.com/google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.Equal("returns[1]", detail.GetProperty("fieldViolations")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task PostComputeBatch_Json_ReturnsOneResultPerSeries()
    {
        using var content = new StringContent("""{"requests":[{"returns":[0.01,0.02,-0.01]},{"returns":[]}]}""", Encoding.UTF8, "application/json");

        using var response = await fixture.HttpClient.PostAsync(new Uri("/v1/metrics:computeBatch", UriKind.Relative), content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(1, json.RootElement.GetProperty("failed").GetInt32());
        Assert.True(json.RootElement.GetProperty("results")[0].TryGetProperty("response", out _));
        Assert.Equal(3, json.RootElement.GetProperty("results")[1].GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task PostComputeBatch_AboveBatchLimit_429WithQuotaFailure()
    {
        using var scope = fixture.VerifyNoErrors();
        var series = string.Join(',', Enumerable.Repeat("""{"returns":[0.01]}""", RiskGrpcServerFixture.MaxBatchSize + 1));
        using var content = new StringContent("{\"requests\":[" + series + "]}", Encoding.UTF8, "application/json");

        using var response = await fixture.HttpClient.PostAsync(new Uri("/v1/metrics:computeBatch", UriKind.Relative), content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(8, json.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("type.googleapis.com/google.rpc.QuotaFailure", json.RootElement.GetProperty("details")[0].GetProperty("@type").GetString());
    }
}
