using System.Diagnostics;
using Grpc.Core;
using RiskGrpc.Contracts.V1;
using RiskGrpc.LoadClient.Cli;
using RiskGrpc.LoadClient.Load;
using RiskGrpc.LoadClient.Measurement;
using RiskGrpc.LoadClient.Transport;

namespace RiskGrpc.LoadClient.Live;

/// <summary>
/// <c>live</c>: N bidirectional Connect streams × M portfolios each, every portfolio sending returns open-loop at
/// --rate per second. Latency is from the client's send of an event to its receipt of the first update whose
/// last_applied_sequence covers it. Prints the ghz-style summary plus <c>lost</c> (sent, never acknowledged) and
/// <c>duplicated</c> (applied twice: an update that does not advance, or more observations than events sent).
/// </summary>
internal sealed class LiveCommand : ILoadCommand
{
    public string Name => "live";

    public string Usage => "live " + LiveOptions.OptionsUsage;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var reader = ArgReader.Parse(Name, args);
        var options = LiveOptions.Parse(reader);
        reader.EnsureNoneLeft();

        var summary = await RunLoadAsync(options, cancellationToken);
        var json = SummaryPrinter.ToJson(summary);
        if (options.JsonOut is not null)
        {
            await File.WriteAllTextAsync(options.JsonOut, json + "\n", cancellationToken);
        }

        if (options.Format == "json")
        {
            await stdout.WriteLineAsync(json);
        }
        else
        {
            SummaryPrinter.WriteText(summary, stdout, $"live: {options.Streams} streams × {options.PortfoliosPerStream} portfolios × {options.Rate} events/s");
        }

        return summary.Counters["lost"] == 0 && summary.Counters["duplicated"] == 0 ? 0 : 1;
    }

    private static async Task<LoadSummary> RunLoadAsync(LiveOptions options, CancellationToken cancellationToken)
    {
        using var pool = new ChannelPool(options.Target, options.Connections);
        var runId = Guid.NewGuid().ToString("N")[..8];
        var capacity = (int)Math.Ceiling(options.Rate * (options.Duration + options.Warmup).TotalSeconds * 1.2) + 16;
        var recorder = new LatencyRecorder();
        var counters = new LiveRunCounters();

        // First call: one attach round trip, as ghz reports the first call separately from the steady state.
        var firstStart = Stopwatch.GetTimestamp();
        using (var probe = new LiveRiskService.LiveRiskServiceClient(pool.ForWorker(0)).Connect(cancellationToken: cancellationToken))
        {
            await probe.RequestStream.WriteAsync(new ConnectRequest { PortfolioId = $"{runId}-probe", Attach = new AttachRequest() }, cancellationToken);
            if (!await probe.ResponseStream.MoveNext(cancellationToken))
            {
                throw new LoadRunException("the server ended the probe stream without an acknowledgement");
            }

            await probe.RequestStream.CompleteAsync();
            while (await probe.ResponseStream.MoveNext(cancellationToken))
            {
            }
        }

        var firstCall = LatencyRecorder.TicksToNanoseconds(Stopwatch.GetTimestamp() - firstStart);
        var trackers = new List<LivePortfolioTracker>(options.Portfolios);
        var workers = new List<LiveStreamWorker>(options.Streams);
        for (var s = 0; s < options.Streams; s++)
        {
            var mine = new List<LivePortfolioTracker>(options.PortfoliosPerStream);
            for (var k = 0; k < options.PortfoliosPerStream; k++)
            {
                mine.Add(new LivePortfolioTracker($"{runId}-s{s}-p{k}", capacity));
            }

            trackers.AddRange(mine);
            workers.Add(new LiveStreamWorker(new LiveRiskService.LiveRiskServiceClient(pool.ForWorker(s)), options, mine, counters, ns => recorder.Record(StatusCode.OK, ns)));
        }

        using var stopSending = new CancellationTokenSource();
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var gcCount = GC.CollectionCount(0);
        var gcPause = GC.GetTotalPauseDuration();
        var running = workers.Select(w => Task.Run(() => w.RunAsync(measureFrom, stopSending.Token, abort.Token), CancellationToken.None)).ToArray();
        await Task.Delay(options.Warmup + options.Duration, cancellationToken);
        var measuredEnd = Stopwatch.GetTimestamp();
        await stopSending.CancelAsync();
        abort.CancelAfter(options.DrainTimeout + TimeSpan.FromSeconds(10));
        try
        {
            await Task.WhenAll(running);
        }
        catch (Exception ex) when (ex is RpcException or OperationCanceledException)
        {
            counters.RecordError("run ended early: " + ex.Message);
        }

        long lost = 0, duplicated = 0;
        foreach (var t in trackers)
        {
            lost += Math.Max(0, t.LastSent - t.Acknowledged);
            duplicated += t.Duplicated;
        }

        var summary = recorder.ToSummary(
            Stopwatch.GetElapsedTime(measureFrom, measuredEnd),
            firstCall,
            "duration",
            new SortedDictionary<string, long>(StringComparer.Ordinal)
            {
                ["lost"] = lost,
                ["duplicated"] = duplicated,
                ["events_sent"] = Interlocked.Read(ref counters.EventsSent),
                ["updates_received"] = Interlocked.Read(ref counters.UpdatesReceived),
                ["acknowledgements"] = Interlocked.Read(ref counters.Acknowledgements),
                ["coalesced_updates"] = Interlocked.Read(ref counters.CoalescedUpdates),
                ["event_errors"] = Interlocked.Read(ref counters.EventErrors),
                ["streams_failed"] = Interlocked.Read(ref counters.StreamsFailed),
                ["portfolios"] = trackers.Count,
                ["client_gc_collections"] = GC.CollectionCount(0) - gcCount,
                ["client_gc_pause_ms"] = (long)(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds,
                ["server_processing_p50_ns"] = ProcessingPercentile(counters, 50),
                ["server_processing_p99_ns"] = ProcessingPercentile(counters, 99),
                ["server_processing_p999_ns"] = ProcessingPercentile(counters, 99.9),
            });
        return summary with
        {
            Options = options.Describe(),
            ErrorDistribution = new SortedDictionary<string, long>(counters.Errors, StringComparer.Ordinal),
        };
    }

    private static long ProcessingPercentile(LiveRunCounters counters, double percentile) =>
        counters.ServerProcessing.TotalCount == 0 ? 0 : counters.ServerProcessing.GetValueAtPercentile(percentile);
}
