using System.Diagnostics;
using Grpc.Core;
using RiskGrpc.LoadClient.Load;
using RiskGrpc.LoadClient.Measurement;
using RiskGrpc.LoadClient.Transport;

namespace RiskGrpc.LoadClient.Unary;

/// <summary>One unary load run: first call (timed), one priming call per extra connection, warm-up, measured closed loop.</summary>
internal static class UnaryLoad
{
    /// <summary>Runs <paramref name="call"/> under <paramref name="options"/> and summarises it.</summary>
    /// <exception cref="LoadRunException">The first call did not succeed (server down, wrong target, method missing).</exception>
    public static async Task<LoadSummary> RunAsync(UnaryOptions options, IUnaryCall call, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(time);

        using var pool = new ChannelPool(options.Target, options.Connections);
        var firstCall = await FirstCallAsync(pool, call, options, cancellationToken);
        for (var c = 1; c < pool.Connections; c++)
        {
            await CallOnceAsync(call.Bind(pool.ForWorker(c)), call, options, cancellationToken);
        }

        var recorder = new LatencyRecorder();
        var (total, reason) = await ClosedLoopRunner.RunAsync(
            worker => call.Bind(pool.ForWorker(worker)), options.Limits, recorder, cancellationToken);
        return recorder.ToSummary(total, firstCall, reason) with
        {
            Date = time.GetUtcNow(),
            Options = options.Describe(call),
        };
    }

    private static async Task<long> FirstCallAsync(ChannelPool pool, IUnaryCall call, UnaryOptions options, CancellationToken cancellationToken)
    {
        var invoke = call.Bind(pool.ForWorker(0));
        var start = Stopwatch.GetTimestamp();
        await CallOnceAsync(invoke, call, options, cancellationToken);
        return LatencyRecorder.TicksToNanoseconds(Stopwatch.GetTimestamp() - start);
    }

    private static async Task CallOnceAsync(Func<CancellationToken, Task> invoke, IUnaryCall call, UnaryOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await invoke(timeout.Token);
        }
        catch (RpcException e)
        {
            throw new LoadRunException(
                $"first call {call.Method} to {options.Target} failed: {StatusNames.Of(e.StatusCode)}: {e.Status.Detail}", e);
        }
    }
}
