using Google.Protobuf;
using RiskGrpc.LoadClient.Cli;
using RiskGrpc.LoadClient.Unary;

namespace RiskGrpc.LoadClient.Payload;

/// <summary>
/// <c>payload</c>: writes the request the load client would send: a gRPC length-prefixed frame for raw HTTP/2 tools
/// (<c>--encoding grpc</c>, for h2load's <c>-d</c>), bare protobuf bytes (<c>--encoding proto</c>, for ghz's
/// <c>binary-file</c>) or protobuf JSON (<c>--encoding json</c>, for ghz's <c>data</c>). Same seed, same series as
/// <c>unary</c>.
/// </summary>
internal sealed class PayloadCommand : ILoadCommand
{
    public string Name => "payload";

    public string Usage => "payload --out FILE [--call metrics|health|batch] [--returns 252] [--batch-size 100] [--seed 42] [--encoding grpc|proto|json]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var reader = ArgReader.Parse(Name, args);
        var output = reader.GetStringOrNull("--out") ?? throw new UsageException("payload: --out FILE is required");
        var callName = reader.GetChoice("--call", "metrics", "metrics", "health", "batch");
        var returns = reader.GetInt("--returns", 252, 1, 1_000_000);
        var batchSize = reader.GetInt("--batch-size", 100, 1, 100_000);
        var seed = reader.GetInt("--seed", ReturnSeries.DefaultSeed, int.MinValue, int.MaxValue);
        var encoding = reader.GetChoice("--encoding", "grpc", "grpc", "proto", "json");
        reader.EnsureNoneLeft();

        var message = Build(callName, returns, batchSize, seed);
        var path = Path.GetFullPath(output);
        if (encoding == "json")
        {
            await File.WriteAllTextAsync(path, JsonFormatter.Default.Format(message) + "\n", cancellationToken);
        }
        else
        {
            await File.WriteAllBytesAsync(path, encoding == "proto" ? message.ToByteArray() : GrpcFrame.Frame(message), cancellationToken);
        }

        await stderr.WriteLineAsync($"payload: wrote {new FileInfo(path).Length} bytes ({encoding}, {callName}) to {path}");
        return 0;
    }

    /// <summary>The request message for <paramref name="callName"/>.</summary>
    public static IMessage Build(string callName, int returns, int batchSize, int seed) => callName switch
    {
        "health" => new Grpc.Health.V1.HealthCheckRequest(),
        "batch" => ReturnSeries.Batch(batchSize, returns, seed),
        _ => ReturnSeries.Request(returns, seed),
    };
}
