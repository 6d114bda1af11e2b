using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Hosting;

public sealed class KestrelEndpointTests
{
    [Fact]
    public void Appsettings_DefaultEndpoints_GrpcOn5051Http2AndHttpOn5050Http1()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(SharedData.RepositoryRoot, "src", "RiskGrpc.Server", "appsettings.json"), optional: false)
            .Build();

        Assert.Equal("http://127.0.0.1:5051", configuration["Kestrel:Endpoints:Grpc:Url"]);
        Assert.Equal("Http2", configuration["Kestrel:Endpoints:Grpc:Protocols"]);
        Assert.Equal("http://127.0.0.1:5050", configuration["Kestrel:Endpoints:Http:Url"]);
        Assert.Equal("Http1", configuration["Kestrel:Endpoints:Http:Protocols"]);
    }

    [Fact]
    public async Task GrpcEndpoint_UrlOverriddenOnCommandLine_ServesThere()
    {
        var port = FreePort();

        await using var server = await RiskGrpcTestServer.StartAsync(args: [$"--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:{port}"]).DefaultTimeout();

        Assert.Equal(new Uri($"http://127.0.0.1:{port}"), server.GrpcAddress);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync.DefaultTimeout();
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Startup_PortZero_LogsOneLinePerEndpointWithBoundAddress()
    {
        await using var server = await RiskGrpcTestServer.StartAsync().DefaultTimeout();

        var lines = server.Logs.Records.Where(r => r.EventId.Id == 1 && r.Category.StartsWith("RiskGrpc", StringComparison.Ordinal)).Select(r => r.Message).ToList();

        Assert.Equal(2, lines.Count);
        Assert.NotEqual(0, server.GrpcAddress.Port);
        Assert.NotEqual(0, server.HttpAddress.Port);
        Assert.Contains($"RiskGrpc endpoint Grpc listening on {server.GrpcAddress.GetLeftPart(UriPartial.Authority)} (Http2)", lines);
        Assert.Contains($"RiskGrpc endpoint Http listening on {server.HttpAddress.GetLeftPart(UriPartial.Authority)} (Http1)", lines);
    }

    [Fact]
    public async Task HttpEndpoint_Http1Only_RejectsGrpcOverHttp2()
    {
        await using var server = await RiskGrpcTestServer.StartAsync().DefaultTimeout();
        using var channel = GrpcChannel.ForAddress(server.HttpAddress);

        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync).DefaultTimeout();

        Assert.Contains(ex.StatusCode, new[] { Grpc.Core.StatusCode.Unavailable, Grpc.Core.StatusCode.Internal });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
