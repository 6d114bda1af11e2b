using System.Threading.Channels;
using Grpc.Core;
using RiskGrpc.Backtesting;
using RiskGrpc.Contracts.V1;
using Bt = RiskGrpc.Backtesting;

namespace RiskGrpc.Server.Backtesting;

/// <summary>
/// <c>riskgrpc.v1.BacktestService</c>: runs <see cref="WalkForwardBacktester"/> on the thread pool, streams progress at
/// most every 5 % of the decisions, then the result. The call's cancellation (client gone, deadline) stops the run.
/// </summary>
public sealed class BacktestGrpcService : BacktestService.BacktestServiceBase
{
    /// <inheritdoc />
    public override async Task RunBacktest(RunBacktestRequest request, IServerStreamWriter<RunBacktestResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var (spec, strategies, comparison) = BacktestRequestMapper.Map(request);
        var ct = context.CancellationToken;
        var updates = Channel.CreateBounded<Bt.BacktestProgress>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var progress = new ThrottledProgress(updates.Writer);
        var run = Task.Run(
            () =>
            {
                try
                {
                    return WalkForwardBacktester.Run(spec, strategies, comparison, progress, ct);
                }
                finally
                {
                    updates.Writer.TryComplete();
                }
            },
            ct);

        await foreach (var update in updates.Reader.ReadAllAsync(ct).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(new RunBacktestResponse
            {
                Progress = new Contracts.V1.BacktestProgress { CompletedDecisions = update.CompletedDecisions, TotalDecisions = update.TotalDecisions, Strategy = update.Strategy },
            }, ct).ConfigureAwait(false);
        }

        Bt.BacktestResult result;
        try
        {
            result = await run.ConfigureAwait(false);
        }
        catch (BacktestException ex)
        {
            throw Optimization.OptimizerRpcErrors.InvalidArgument(ex.Field, ex.Message);
        }

        await responseStream.WriteAsync(new RunBacktestResponse { Result = BacktestResponseMapper.Result(spec.Returns.Assets, result) }, ct).ConfigureAwait(false);
    }

    /// <summary>Forwards every 5 % step (and the last decision) to the channel; called from worker threads.</summary>
    private sealed class ThrottledProgress(ChannelWriter<Bt.BacktestProgress> writer) : IProgress<Bt.BacktestProgress>
    {
        private int _lastStep = -1;

        public void Report(Bt.BacktestProgress value)
        {
            var step = value.TotalDecisions == 0 ? 20 : value.CompletedDecisions * 20 / value.TotalDecisions;
            var last = Volatile.Read(ref _lastStep);
            if (step > last && Interlocked.CompareExchange(ref _lastStep, step, last) == last)
            {
                writer.TryWrite(value);
            }
        }
    }
}
