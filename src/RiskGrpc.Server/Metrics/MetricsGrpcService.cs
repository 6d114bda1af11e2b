using System.Globalization;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Server.Metrics;

/// <summary>
/// <c>riskgrpc.v1.MetricsService</c>: maps proto ⇄ engine. Errors follow docs/metrics.md (INVALID_ARGUMENT with
/// BadRequest, RESOURCE_EXHAUSTED); the unary path throws and <see cref="Errors.ErrorMappingInterceptor"/> maps, the
/// batch and stream answer each item with its own status.
/// </summary>
internal sealed class MetricsGrpcService(MetricsComputer computer, MetricsStreamPipeline pipeline, Observability.ServerInstruments instruments, TimeProvider time) : MetricsService.MetricsServiceBase
{
    public override Task<ComputeMetricsResponse> ComputeMetrics(ComputeMetricsRequest request, ServerCallContext context) =>
        Task.FromResult(computer.Compute(request));

    public override Task<ComputeMetricsBatchResponse> ComputeMetricsBatch(ComputeMetricsBatchRequest request, ServerCallContext context)
    {
        var requests = request.Requests;
        computer.Limits.EnsureBatchSize(requests.Count);
        instruments.BatchSize.Record(requests.Count);
        var results = new ComputeMetricsBatchResult[requests.Count];
        try
        {
            // The call's token is cancelled when its deadline passes or the client leaves: the batch stops between series.
            ParallelBatch.Run(
                results,
                i =>
                {
                    var prefix = string.Create(CultureInfo.InvariantCulture, $"requests[{i}].");
                    var error = computer.TryCompute(requests[i], "ComputeMetricsBatch", prefix, prefix, out var response);
                    return error is null
                        ? new ComputeMetricsBatchResult { Index = (uint)i, Response = response }
                        : new ComputeMetricsBatchResult { Index = (uint)i, Error = error };
                },
                context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Say why, rather than leave the status to a race with the host's own deadline handling. The token can fire
            // a little before Deadline reads as passed on this clock, hence the tolerance.
            throw context.Deadline <= time.GetUtcNow().UtcDateTime.AddMilliseconds(250)
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "the call's deadline passed before the batch finished; the remaining series were not computed"))
                : new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled before the batch finished"));
        }

        var batch = new ComputeMetricsBatchResponse();
        batch.Results.AddRange(results);
        uint failed = 0;
        foreach (var r in results)
        {
            if (r.OutcomeCase == ComputeMetricsBatchResult.OutcomeOneofCase.Error)
            {
                failed++;
            }
        }

        batch.Failed = failed;
        return Task.FromResult(batch);
    }

    public override Task StreamMetrics(
        IAsyncStreamReader<StreamMetricsRequest> requestStream,
        IServerStreamWriter<StreamMetricsResponse> responseStream,
        ServerCallContext context) => pipeline.RunAsync(requestStream, responseStream, context.CancellationToken);
}
