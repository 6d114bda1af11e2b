using System.Diagnostics;
using Grpc.Core;
using RiskGrpc.LoadClient.Measurement;

namespace RiskGrpc.LoadClient.Load;

/// <summary>
/// Drives <see cref="RunLimits.Concurrency"/> workers that each issue one call, await it, and issue the next (a closed
/// loop, as ghz's <c>-c</c> workers do). Only calls that <em>start</em> after the warm-up are recorded; a worker stops
/// issuing at the deadline or when the <see cref="RunLimits.Total"/> budget is spent, and the measured total is the
/// wall time from the end of the warm-up to the completion of the last call.
/// </summary>
internal static class ClosedLoopRunner
{
    /// <summary>
    /// Runs the workers. <paramref name="bindWorker"/> is called once per worker with its index and returns the call
    /// that worker repeats (bind clients and requests there, not in the loop).
    /// </summary>
    /// <param name="bindWorker">Returns, for a worker index, the call that worker repeats.</param>
    /// <param name="limits">Bounds of the run.</param>
    /// <param name="recorder">Receives every measured call.</param>
    /// <param name="cancellationToken">Ends the run early (reason <c>cancel</c>).</param>
    /// <param name="measurementStarted">Called once when the warm-up ends (e.g. to snapshot CPU counters).</param>
    /// <returns>The measured wall time and why the run ended (<c>duration</c>, <c>total</c> or <c>cancel</c>).</returns>
    public static async Task<(TimeSpan Total, string EndReason)> RunAsync(
        Func<int, Func<CancellationToken, Task>> bindWorker,
        RunLimits limits,
        LatencyRecorder recorder,
        CancellationToken cancellationToken,
        Action? measurementStarted = null)
    {
        ArgumentNullException.ThrowIfNull(bindWorker);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(recorder);

        var frequency = Stopwatch.Frequency;
        var start = Stopwatch.GetTimestamp();
        var measureStart = start + (long)(limits.Warmup.TotalSeconds * frequency);
        var deadline = measureStart + (long)(limits.Duration.TotalSeconds * frequency);
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hardStop.CancelAfter(limits.Warmup + limits.Duration + limits.Grace);
        var issued = 0L;
        var budgetSpent = 0;

        async Task WorkerAsync(int index)
        {
            var invoke = bindWorker(index);
            var token = hardStop.Token;
            while (!token.IsCancellationRequested)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= deadline)
                {
                    return;
                }

                var measured = now >= measureStart;
                if (measured && limits.Total > 0 && Interlocked.Increment(ref issued) > limits.Total)
                {
                    Volatile.Write(ref budgetSpent, 1);
                    return;
                }

                var status = StatusCode.OK;
                string? detail = null;
                var callStart = Stopwatch.GetTimestamp();
                try
                {
                    await invoke(token);
                }
                catch (RpcException e)
                {
                    status = e.StatusCode;
                    detail = e.Status.Detail;
                }
                catch (OperationCanceledException)
                {
                    status = StatusCode.Cancelled;
                    detail = "cancelled by the load client at the end of the run";
                }
#pragma warning disable CA1031 // A load worker must survive any failure of one call and count it.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    status = StatusCode.Unknown;
                    detail = e.GetType().Name + ": " + e.Message;
                }

                if (callStart >= measureStart)
                {
                    recorder.RecordTicks(status, Stopwatch.GetTimestamp() - callStart, detail);
                }
            }
        }

        Task? marker = null;
        if (measurementStarted is not null)
        {
            marker = limits.Warmup > TimeSpan.Zero
                ? Task.Delay(limits.Warmup, CancellationToken.None).ContinueWith(_ => measurementStarted(), TaskScheduler.Default)
                : Task.Run(measurementStarted, CancellationToken.None);
        }

        var workers = new Task[limits.Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            var index = i;
            workers[i] = Task.Run(() => WorkerAsync(index), CancellationToken.None);
        }

        await Task.WhenAll(workers);
        if (marker is not null)
        {
            await marker;
        }

        var total = Stopwatch.GetElapsedTime(Math.Min(measureStart, Stopwatch.GetTimestamp()));
        var reason = cancellationToken.IsCancellationRequested ? "cancel"
            : Volatile.Read(ref budgetSpent) == 1 ? "total"
            : "duration";
        return (total, reason);
    }
}
