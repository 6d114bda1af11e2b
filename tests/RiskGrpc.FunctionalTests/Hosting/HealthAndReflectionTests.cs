using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Hosting;

[Collection(RiskGrpcServerCollectionDefinition.Name)]
public sealed class HealthAndReflectionTests(RiskGrpcServerFixture fixture)
{
    [Fact]
    public async Task HealthCheck_RunningServer_Serving()
    {
        var client = new Health.HealthClient(fixture.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.DefaultTimeout();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListServices_IncludesMetricsHealthAndReflection()
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }).DefaultTimeout();
        await call.RequestStream.CompleteAsync().DefaultTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("riskgrpc.v1.MetricsService", names);
        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", names);
    }

    [Fact]
    public async Task Reflection_FileContainingSymbol_ReturnsMetricsDescriptor()
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "riskgrpc.v1.MetricsService" }).DefaultTimeout();
        await call.RequestStream.CompleteAsync().DefaultTimeout();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).DefaultTimeout());

        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name)
            .ToList();
        Assert.Contains("riskgrpc/v1/metrics_service.proto", files);
    }
}
