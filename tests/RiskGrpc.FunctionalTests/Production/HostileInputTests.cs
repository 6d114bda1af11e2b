using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Production;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class HostileInputTests(RiskGrpcServerFixture fixture)
{
    private static readonly string[] UnaryMethods =
    [
        "/riskgrpc.v1.MetricsService/ComputeMetrics",
        "/riskgrpc.v1.MetricsService/ComputeMetricsBatch",
        "/riskgrpc.v1.OptimizerService/Optimize",
        "/riskgrpc.v1.OptimizerService/ComputeEfficientFrontier",
    ];

    /// <summary>Posts one length-prefixed gRPC message of raw bytes and returns the final grpc-status and message.</summary>
    private async Task<(string Status, string Message)> PostRawAsync(string path, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        using var http = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(fixture.Server.GrpcAddress, path))
        {
            Content = new ByteArrayContent(frame),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(message, TestContext.Current.CancellationToken);
        await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        string Header(string name) => response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
            : response.Headers.TryGetValues(name, out var h) ? h.First() : string.Empty;
        var status = Header("grpc-status");
        return (status.Length > 0 ? status : $"http {(int)response.StatusCode} {response.Version} {response.Content.Headers.ContentType}", Uri.UnescapeDataString(Header("grpc-message")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task NotAProtobufMessage_IsInternalWithAClearMessage(int method)
    {
        // 0xFF… is an invalid tag/wire type sequence for any message.
        var (status, text) = await PostRawAsync(UnaryMethods[method], [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x01, 0x02]);
        Assert.True(((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture) == status, status + string.Join("\n", fixture.Server.Logs.Records.Where(r => r.Exception is not null).TakeLast(1)));
        Assert.Contains("not a valid", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RandomBytesToEveryUnaryRpc_AlwaysGetADefinedStatusAndTheServerStaysHealthy()
    {
        var random = new Random(20261204);
        var defined = Enum.GetValues<StatusCode>().Select(c => ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        for (var i = 0; i < 200; i++)
        {
            var payload = new byte[random.Next(0, 512)];
            random.NextBytes(payload);
            var (status, _) = await PostRawAsync(UnaryMethods[i % UnaryMethods.Length], payload);
            Assert.Contains(status, defined);
            Assert.NotEqual("2", status); // never UNKNOWN "Exception was thrown by handler"
        }

        var health = new Health.HealthClient(fixture.Channel);
        var reply = await health.CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public void Http2LimitsAreSetFromConfiguration()
    {
        var kestrel = fixture.Server.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        Assert.Equal(256, kestrel.Limits.Http2.MaxStreamsPerConnection);
        Assert.Equal(TimeSpan.FromSeconds(30), kestrel.Limits.Http2.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), kestrel.Limits.Http2.KeepAlivePingTimeout);
        Assert.Equal(32 * 1024, kestrel.Limits.MaxRequestHeadersTotalSize);
    }
}
