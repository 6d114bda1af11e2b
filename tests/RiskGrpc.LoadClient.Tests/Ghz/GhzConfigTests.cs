using System.Text.Json;
using Google.Protobuf;
using Grpc.Health.V1;
using RiskGrpc.Contracts.V1;
using RiskGrpc.LoadClient.Unary;
using RiskGrpc.TestUtils;

namespace RiskGrpc.LoadClient.Tests.Ghz;

/// <summary>The committed ghz configurations stay loadable and send the same seeded series as the load client.</summary>
public sealed class GhzConfigTests
{
    private static readonly string GhzDirectory = Path.Combine(SharedData.RepositoryRoot, "perf", "ghz");

    public static TheoryData<string, string, int> Configs => new()
    {
        { "compute-metrics-252.json", "riskgrpc.v1.MetricsService.ComputeMetrics", 16 },
        { "compute-metrics-252-c50.json", "riskgrpc.v1.MetricsService.ComputeMetrics", 50 },
        { "compute-metrics-batch.json", "riskgrpc.v1.MetricsService.ComputeMetricsBatch", 16 },
        { "health-check.json", "grpc.health.v1.Health.Check", 16 },
        { "health-check-c50.json", "grpc.health.v1.Health.Check", 50 },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Config_IsBoundedInsecureLocalAndItsProtoExists(string file, string call, int concurrency)
    {
        // Act
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(GhzDirectory, file)));
        var root = doc.RootElement;

        // Assert
        Assert.Equal(call, root.GetProperty("call").GetString());
        Assert.Equal(concurrency, root.GetProperty("concurrency").GetInt32());
        Assert.True(root.GetProperty("insecure").GetBoolean());
        Assert.Equal("127.0.0.1:5051", root.GetProperty("host").GetString());
        Assert.Equal("10s", root.GetProperty("duration").GetString());
        Assert.True(File.Exists(Path.Combine(GhzDirectory, root.GetProperty("proto").GetString()!)));
        Assert.Contains(root.GetProperty("import-paths").EnumerateArray(), p => p.GetString() == "../../protos");
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Config_DataParsesAsTheRequestTheLoadClientSends(string file, string call, int concurrency)
    {
        // Arrange
        _ = concurrency;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(GhzDirectory, file)));
        var data = doc.RootElement.GetProperty("data").GetRawText();

        // Act
        IMessage parsed = call switch
        {
            "riskgrpc.v1.MetricsService.ComputeMetrics" => JsonParser.Default.Parse<ComputeMetricsRequest>(data),
            "riskgrpc.v1.MetricsService.ComputeMetricsBatch" => JsonParser.Default.Parse<ComputeMetricsBatchRequest>(data),
            _ => JsonParser.Default.Parse<HealthCheckRequest>(data),
        };

        // Assert: regenerate with perf/ghz/generate.sh if this drifts.
        IMessage expected = call switch
        {
            "riskgrpc.v1.MetricsService.ComputeMetrics" => ReturnSeries.Request(252, ReturnSeries.DefaultSeed),
            "riskgrpc.v1.MetricsService.ComputeMetricsBatch" => ReturnSeries.Batch(16, 252, ReturnSeries.DefaultSeed),
            _ => new HealthCheckRequest(),
        };
        Assert.Equal(expected, parsed);
    }
}
