using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.FunctionalTests.Infrastructure;
using RiskGrpc.Reports.Pdf;

namespace RiskGrpc.FunctionalTests.Reports;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class ReportServiceTests(RiskGrpcServerFixture fixture)
{
    private ReportService.ReportServiceClient Client => new(fixture.Channel);

    private static RenderReportRequest Request(int seed, int n, ReportFormat format, uint chunkSize = 0)
    {
        var metrics = TestSeries.Request(seed, n);
        var request = new RenderReportRequest
        {
            PeriodsPerYear = 252,
            RiskFreeRate = 0.02,
            Format = format,
            ChunkSize = chunkSize,
            Title = "Functional <test>",
        };
        request.Returns.AddRange(metrics.Returns);
        request.Benchmark.AddRange(metrics.Benchmark);
        var start = new DateTime(2015, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        request.Timestamps.AddRange(Enumerable.Range(0, n).Select(i => Timestamp.FromDateTime(start.AddDays(i + (i / 5 * 2)))));
        return request;
    }

    private async Task<(string ContentType, ulong Total, byte[] Bytes, int Chunks)> RenderAsync(RenderReportRequest request)
    {
        using var call = Client.RenderReport(request);
        var chunks = new List<RenderReportResponse>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout())
        {
            chunks.Add(call.ResponseStream.Current);
        }

        Assert.Equal(Enumerable.Range(0, chunks.Count).Select(i => (uint)i), chunks.Select(c => c.Index));
        Assert.All(chunks.Skip(1), c => Assert.Equal(string.Empty, c.ContentType));
        return (chunks[0].ContentType, chunks[0].TotalSize, chunks.SelectMany(c => c.Data.ToByteArray()).ToArray(), chunks.Count);
    }

    [Fact]
    public async Task RenderReport_Html_ChunksConcatenateToTheSelfContainedPage()
    {
        using var scope = fixture.VerifyNoErrors();

        var (contentType, total, bytes, chunks) = await RenderAsync(Request(seed: 3, n: 1500, ReportFormat.Html, chunkSize: 16 * 1024));

        Assert.Equal("text/html; charset=utf-8", contentType);
        Assert.Equal((ulong)bytes.Length, total);
        Assert.Equal((bytes.Length + (16 * 1024) - 1) / (16 * 1024), chunks);
        var html = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("Functional &lt;test&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenderReport_Json_EveryCatalogueScalarEqualsComputeMetrics()
    {
        using var scope = fixture.VerifyNoErrors();
        var request = Request(seed: 4, n: 800, ReportFormat.Json);

        var (contentType, _, bytes, _) = await RenderAsync(request);
        var api = await new MetricsService.MetricsServiceClient(fixture.Channel).ComputeMetricsAsync(new ComputeMetricsRequest
        {
            Returns = { request.Returns },
            Benchmark = { request.Benchmark },
            Timestamps = { request.Timestamps },
            PeriodsPerYear = 252,
            RiskFreeRate = 0.02,
        }).ResponseAsync.DefaultTimeout();

        Assert.Equal("application/json", contentType);
        using var json = JsonDocument.Parse(bytes);
        var compared = 0;
        foreach (var (message, property) in new (IMessage Message, string Property)[] { (api.Metrics, "metrics"), (api.Relative, "relative") })
        {
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                if (field.FieldType != Google.Protobuf.Reflection.FieldType.Double || !json.RootElement.GetProperty(property).TryGetProperty(field.Name, out var value))
                {
                    continue;
                }

                var expected = (double)field.Accessor.GetValue(message);
                var actual = value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble();
                Assert.True(expected.Equals(actual), $"{property}.{field.Name}: API {expected:R}, report {actual:R}");
                compared++;
            }
        }

        Assert.True(compared >= 70, $"only {compared} scalars compared");
    }

    [Fact]
    public async Task RenderReport_InfiniteReturn_InvalidArgumentNamingTheRow()
    {
        using var scope = fixture.VerifyNoErrors();
        var request = Request(seed: 5, n: 50, ReportFormat.Html);
        request.Returns[7] = double.PositiveInfinity;

        var ex = await Assert.ThrowsAsync<RpcException>(() => RenderAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("returns[7]", ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }

    [Fact]
    public async Task RenderReport_ChunkSizeTooLarge_InvalidArgumentNamingTheField()
    {
        using var scope = fixture.VerifyNoErrors();

        var ex = await Assert.ThrowsAsync<RpcException>(() => RenderAsync(Request(seed: 5, n: 50, ReportFormat.Html, chunkSize: 64 * 1024 * 1024)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("chunk_size", ex.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }

    [Fact]
    public async Task RenderReport_Pdf_PdfBytesOrFailedPreconditionNamingThePackage()
    {
        using var scope = fixture.VerifyNoErrors();
        var request = Request(seed: 6, n: 300, ReportFormat.Pdf, chunkSize: 256 * 1024);

        if (ChromiumLocator.Find() is null)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => RenderAsync(request));
            Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
            Assert.Contains("chromium", ex.Status.Detail, StringComparison.Ordinal);
            return;
        }

        var (contentType, total, bytes, _) = await RenderAsync(request);
        Assert.Equal("application/pdf", contentType);
        Assert.Equal((ulong)bytes.Length, total);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }

    [Fact]
    public async Task PostRender_HttpJson_StreamsBase64ChunksOfTheReport()
    {
        using var scope = fixture.VerifyNoErrors();
        var body = JsonSerializer.Serialize(new { returns = TestSeries.Returns(7, 300), format = "REPORT_FORMAT_JSON", title = "rest" });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await fixture.HttpClient.PostAsync(new Uri("/v1/reports:render", UriKind.Relative), content).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync().DefaultTimeout();
        var report = new List<byte>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        while (JsonDocument.TryParseValue(ref reader, out var chunk))
        {
            using (chunk)
            {
                var elements = chunk.RootElement.ValueKind == JsonValueKind.Array ? chunk.RootElement.EnumerateArray().ToArray() : [chunk.RootElement];
                foreach (var element in elements)
                {
                    report.AddRange(Convert.FromBase64String(element.GetProperty("data").GetString()!));
                }
            }
        }

        using var json = JsonDocument.Parse(report.ToArray());
        Assert.Equal("rest", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(300, json.RootElement.GetProperty("period").GetProperty("observations").GetInt32());
    }

    [Fact]
    public async Task RenderReport_LivePortfolio_ShowsTheLiveEnginesCurrentState()
    {
        using var scope = fixture.VerifyNoErrors();
        var portfolio = "report-live-" + Guid.NewGuid().ToString("N")[..8];
        await using var stream = new RiskGrpc.FunctionalTests.LiveRisk.LiveStreamClient(new LiveRiskService.LiveRiskServiceClient(fixture.Channel));
        var values = TestSeries.Returns(11, 30);
        for (var i = 0; i < values.Length; i++)
        {
            await stream.SendReturnAsync(portfolio, (ulong)(i + 1), values[i]);
        }

        var last = await stream.WaitForUpdateAsync(portfolio, (ulong)values.Length);
        var request = Request(seed: 8, n: 100, ReportFormat.Json);
        request.LivePortfolioId = portfolio;

        var (_, _, bytes, _) = await RenderAsync(request);
        await stream.CompleteAsync();

        using var json = JsonDocument.Parse(bytes);
        var live = json.RootElement.GetProperty("live_risk");
        Assert.Equal(portfolio, live.GetProperty("portfolio_id").GetString());
        Assert.Equal((ulong)values.Length, live.GetProperty("last_applied_sequence").GetUInt64());
        Assert.Equal(last.Volatility, live.GetProperty("volatility").GetDouble());
        Assert.Equal(last.Sharpe, live.GetProperty("sharpe").GetDouble());
    }

    [Fact]
    public async Task RenderReport_UnknownLivePortfolio_ReportWithAVisibleNote()
    {
        using var scope = fixture.VerifyNoErrors();
        var request = Request(seed: 9, n: 100, ReportFormat.Html);
        request.LivePortfolioId = "no-such-" + Guid.NewGuid().ToString("N")[..8];

        var (_, _, bytes, _) = await RenderAsync(request);

        var html = Encoding.UTF8.GetString(bytes);
        Assert.Contains("LiveRiskService has no state for portfolio &#39;" + request.LivePortfolioId + "&#39;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"live-risk\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDemo_Browser_ServesTheBundledSampleAsHtml()
    {
        using var scope = fixture.VerifyNoErrors();

        using var response = await fixture.HttpClient.GetAsync(new Uri("/reports/demo", UriKind.Relative)).DefaultTimeout();
        using var json = await fixture.HttpClient.GetAsync(new Uri("/reports/demo.json", UriKind.Relative)).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync().DefaultTimeout();
        Assert.Contains("Demo: growth basket vs value basket", html, StringComparison.Ordinal);
        Assert.Contains("2008-04-09", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        using var doc = JsonDocument.Parse(await json.Content.ReadAsStringAsync().DefaultTimeout());
        Assert.Equal(2520, doc.RootElement.GetProperty("period").GetProperty("observations").GetInt32());
    }
}
