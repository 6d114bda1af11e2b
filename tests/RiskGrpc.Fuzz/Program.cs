using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.Portfolios;
using RiskGrpc.Server.Metrics;
using RiskGrpc.Server.Observability;
using RiskGrpc.Server.Optimization;
using RiskGrpc.Fuzz;
using SharpFuzz;

// Fuzz targets: each reads one input, runs a request parser or an RPC's entry point, and lets only the documented
// rejections through. Any other exception is a crash AFL records. Usage: RiskGrpc.Fuzz <target>
if (args is ["--write-seeds", var directory])
{
    SeedCorpus.Write(directory);
    return;
}

var target = args.Length == 1 ? args[0] : throw new ArgumentException("usage: RiskGrpc.Fuzz metrics|batch|optimize|csv | --write-seeds DIR");
// Instrumented code must not run before Fuzzer.OutOfProcess.Run sets up AFL's shared memory, so the engine is built
// lazily, on the first input.
IMetricsEngine? engine = null;
MetricsComputer? computer = null;
MetricsComputer Computer()
{
    if (computer is null)
    {
        engine = MetricsEngine.Create(new MetricsLimits { MaxSeriesLength = 100_000, MaxBatchSize = 100 });
        var factory = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        computer = new MetricsComputer(engine, NullLogger<MetricsComputer>.Instance, new ServerInstruments(factory));
    }

    return computer;
}

Action<Stream> body = target switch
{
    "metrics" => stream => Expect(() => Computer().Compute(ComputeMetricsRequest.Parser.ParseFrom(stream))),
    "batch" => stream => Expect(() =>
    {
        var batch = ComputeMetricsBatchRequest.Parser.ParseFrom(stream);
        var items = Computer();
        items.Limits.EnsureBatchSize(batch.Requests.Count);
        foreach (var request in batch.Requests)
        {
            items.TryCompute(request, "fuzz", "item", "requests[0].", out _);
        }
    }),
    "optimize" => stream => Expect(() =>
    {
        var request = OptimizeRequest.Parser.ParseFrom(stream);
        var mapped = OptimizerRequestMapper.Map(request);
        if (mapped.Assets.Count <= 50 && (mapped.Returns?.RowCount ?? 0) <= 2_000)
        {
            PortfolioOptimizer.Optimize(mapped);
        }
    }),
    "csv" => stream => Expect(() => AssetTableCsv.Read(new StreamReader(stream)).ToSimpleReturns()),
    _ => throw new ArgumentException($"unknown target '{target}'"),
};
Fuzzer.OutOfProcess.Run(body);

// The rejections the server maps to INVALID_ARGUMENT, RESOURCE_EXHAUSTED, FAILED_PRECONDITION or INTERNAL-with-message.
static void Expect(Action action)
{
    try
    {
        action();
    }
    catch (Exception ex) when (ex is InvalidProtocolBufferException or MetricsValidationException or LimitExceededException or OptimizationException
        || (ex is RpcException rpc && rpc.StatusCode is not (StatusCode.Unknown or StatusCode.Internal)))
    {
    }
}
