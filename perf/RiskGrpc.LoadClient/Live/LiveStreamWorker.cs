using System.Diagnostics;
using Grpc.Core;
using RiskGrpc.Contracts.V1;

namespace RiskGrpc.LoadClient.Live;

/// <summary>
/// One Connect stream carrying several portfolios: configures each, then sends returns open-loop at the
/// configured rate (never waiting for answers), while a reader matches every update to the events it covers.
/// </summary>
internal sealed class LiveStreamWorker
{
    private readonly LiveRiskService.LiveRiskServiceClient _client;
    private readonly LiveOptions _options;
    private readonly Dictionary<string, LivePortfolioTracker> _portfolios;
    private readonly LiveRunCounters _counters;
    private readonly Action<long> _latency;

    public LiveStreamWorker(LiveRiskService.LiveRiskServiceClient client, LiveOptions options, IReadOnlyList<LivePortfolioTracker> portfolios, LiveRunCounters counters, Action<long> latency)
    {
        _client = client;
        _options = options;
        _portfolios = portfolios.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _counters = counters;
        _latency = latency;
    }

    /// <summary>Runs until <paramref name="stopSending"/>, then waits (at most the drain timeout) for every sent event to be answered.</summary>
    public async Task RunAsync(long measureFromTimestamp, CancellationToken stopSending, CancellationToken abort)
    {
        using var call = _client.Connect(cancellationToken: abort);
        var reader = Task.Run(() => ReadAsync(call.ResponseStream, measureFromTimestamp, abort), abort);
        var portfolios = _portfolios.Values.ToArray();
        foreach (var p in portfolios)
        {
            var seq = p.NextSequence();
            p.MarkSent(seq, Stopwatch.GetTimestamp());
            await call.RequestStream.WriteAsync(new ConnectRequest
            {
                PortfolioId = p.Id,
                Sequence = (ulong)seq,
                Configuration = new LiveRiskConfiguration { WindowLength = (uint)_options.Window },
            }, abort);
        }

        var interval = TimeSpan.FromSeconds(1 / _options.Rate);
        var random = new Random(portfolios[0].Id.GetHashCode(StringComparison.Ordinal));
        var start = Stopwatch.GetTimestamp() + (long)(random.NextDouble() * interval.TotalSeconds * Stopwatch.Frequency);
        var due = new long[portfolios.Length];
        for (var i = 0; i < due.Length; i++)
        {
            due[i] = start + (long)(i * interval.TotalSeconds * Stopwatch.Frequency / portfolios.Length);
        }

        var step = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        try
        {
            while (!stopSending.IsCancellationRequested)
            {
                var next = long.MaxValue;
                for (var i = 0; i < portfolios.Length; i++)
                {
                    var now = Stopwatch.GetTimestamp();
                    if (due[i] <= now)
                    {
                        var p = portfolios[i];
                        var seq = p.NextSequence();
                        if (seq > p.Capacity)
                        {
                            // Out of tracking room: this portfolio stops sending (never due again) instead of spinning.
                            due[i] = long.MaxValue;
                            continue;
                        }

                        if (p.MeasureFrom == long.MaxValue && now >= measureFromTimestamp)
                        {
                            p.MeasureFrom = seq;
                        }

                        p.MarkSent(seq, Stopwatch.GetTimestamp());
                        await call.RequestStream.WriteAsync(new ConnectRequest
                        {
                            PortfolioId = p.Id,
                            Sequence = (ulong)seq,
                            ReturnObservation = new ReturnObservation { Value = (random.NextDouble() - 0.5) * 0.04 },
                        }, abort);
                        Interlocked.Increment(ref _counters.EventsSent);
                        due[i] += step;
                    }

                    next = Math.Min(next, due[i]);
                }

                var wait = next == long.MaxValue ? TimeSpan.FromSeconds(1) : Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    // Whole milliseconds, rounded up: Task.Delay truncates to milliseconds, so a sub-millisecond rest
                    // would complete at once and the loop would spin until the event is due, burning the CPU the
                    // server under test needs. The send time is stamped when the event is written, so sending up to
                    // 1 ms late does not bias the latency.
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), stopSending);
                }
            }
        }
        catch (OperationCanceledException) when (stopSending.IsCancellationRequested && !abort.IsCancellationRequested)
        {
        }

        await WaitForAnswersAsync(portfolios, abort);
        await call.RequestStream.CompleteAsync();
        await reader;
    }

    private async Task WaitForAnswersAsync(LivePortfolioTracker[] portfolios, CancellationToken abort)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_options.DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && portfolios.Any(p => p.Acknowledged < p.LastSent))
        {
            await Task.Delay(10, abort);
        }
    }

    private async Task ReadAsync(IAsyncStreamReader<ConnectResponse> responses, long measureFromTimestamp, CancellationToken abort)
    {
        try
        {
            while (await responses.MoveNext(abort))
            {
                var received = Stopwatch.GetTimestamp();
                var response = responses.Current;
                switch (response.ResponseCase)
                {
                    case ConnectResponse.ResponseOneofCase.Update:
                        var u = response.Update;
                        var p = _portfolios[u.PortfolioId];
                        Interlocked.Increment(ref _counters.UpdatesReceived);
                        Interlocked.Add(ref _counters.CoalescedUpdates, (long)u.CoalescedUpdates);
                        p.CheckObservations((long)u.LastAppliedSequence, (long)u.TotalObservations, 1);
                        p.Acknowledge((long)u.LastAppliedSequence, received, _latency);
                        if (received >= measureFromTimestamp && u.ProcessingTime is { } processing)
                        {
                            _counters.ServerProcessing.RecordValue(Math.Max(1, (processing.Seconds * 1_000_000_000L) + processing.Nanos));
                        }

                        break;
                    case ConnectResponse.ResponseOneofCase.Error:
                        Interlocked.Increment(ref _counters.EventErrors);
                        _counters.RecordError(response.Error.Message);
                        break;
                    case ConnectResponse.ResponseOneofCase.Draining:
                        // The server is stopping mid-run: the run is invalid; the status that follows is counted as a failed stream.
                        _counters.RecordError("server draining (shutting down)");
                        break;
                    default:
                        Interlocked.Increment(ref _counters.Acknowledgements);
                        break;
                }
            }
        }
        catch (RpcException ex)
        {
            Interlocked.Increment(ref _counters.StreamsFailed);
            _counters.RecordError($"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }
}
