using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.FunctionalTests.Infrastructure;

namespace RiskGrpc.FunctionalTests.Production;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task MetricsEndpoint_ServesPrometheusTextWithRpcAndEngineInstruments()
    {
        await using var server = await RiskGrpcTestServer.StartAsync();
        var client = new MetricsService.MetricsServiceClient(server.Channel);
        var request = new ComputeMetricsRequest { Returns = { TestSeries.Returns(seed: 3, n: 300) } };
        await client.ComputeMetricsAsync(request, cancellationToken: TestContext.Current.CancellationToken);
        var batch = new ComputeMetricsBatchRequest { Requests = { request, request, request } };
        await client.ComputeMetricsBatchAsync(batch, cancellationToken: TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<RpcException>(async () => await client.ComputeMetricsAsync(new ComputeMetricsRequest(), cancellationToken: TestContext.Current.CancellationToken));

        // The Prometheus exporter caches a scrape briefly and an RPC's instruments are recorded as it completes, so a
        // scrape can hold some of the four calls and not others: poll until all of them show.
        const string computed = "riskgrpc_metrics_series_computed_total(\\{[^}]*\\})? 4";
        const string failed = "riskgrpc_metrics_series_failed_total(\\{[^}]*\\})? 1";
        const string invalid = "riskgrpc_rpc_duration_seconds_count\\{[^}]*rpc_grpc_status_code=\"3\"[^}]*rpc_method=\"ComputeMetrics\"";
        string text = string.Empty;
        for (var attempt = 0; attempt < 50 && !(Regex.IsMatch(text, computed) && Regex.IsMatch(text, failed) && Regex.IsMatch(text, invalid)); attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            using var response = await server.HttpClient.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        Assert.Contains("riskgrpc_rpc_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches(invalid, text);
        Assert.Matches(computed, text);
        Assert.Matches(failed, text);
        Assert.Contains("riskgrpc_metrics_kernel_time_seconds_count", text, StringComparison.Ordinal);
        Assert.Contains("riskgrpc_metrics_batch_size_sum", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRpcHasAnActivityInTheCallersTraceWithMethodAndOutcome()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var server = await RiskGrpcTestServer.StartAsync();
        var client = new MetricsService.MetricsServiceClient(server.Channel);
        var traceId = ActivityTraceId.CreateRandom();
        var parent = ActivitySpanId.CreateRandom();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{parent}-01" } };
        var request = new ComputeMetricsRequest { Returns = { TestSeries.Returns(seed: 3, n: 50) } };
        await client.ComputeMetricsBatchAsync(new ComputeMetricsBatchRequest { Requests = { request, request } }, headers, cancellationToken: TestContext.Current.CancellationToken);

        Activity? rpc = null;
        for (var attempt = 0; attempt < 50 && rpc is null; attempt++)
        {
            lock (activities)
            {
                rpc = activities.FirstOrDefault(a => a.TraceId == traceId);
            }

            if (rpc is null)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(rpc);
        Assert.Equal(parent, rpc.ParentSpanId);
        Assert.Equal("riskgrpc.v1.MetricsService", rpc.GetTagItem("rpc.service"));
        Assert.Equal("ComputeMetricsBatch", rpc.GetTagItem("rpc.method"));
        Assert.Equal(2, rpc.GetTagItem("riskgrpc.batch_size"));
        Assert.Equal("OK", rpc.GetTagItem("riskgrpc.outcome"));
    }

    [Fact]
    public async Task JsonLogFormatIsSelectableAndUnknownFormatsAreRefused()
    {
        await using (var server = await RiskGrpcTestServer.StartAsync(new Dictionary<string, string?> { ["RiskGrpc:Logging:Format"] = "json" }))
        {
            var console = server.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
            Assert.Equal(ConsoleFormatterNames.Json, console.FormatterName);
        }

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => RiskGrpcTestServer.StartAsync(new Dictionary<string, string?> { ["RiskGrpc:Logging:Format"] = "xml" }));
        Assert.Contains("RiskGrpc:Logging:Format", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchPastItsDeadlineEndsWithDeadlineExceededAndStopsComputing()
    {
        await using var server = await RiskGrpcTestServer.StartAsync();
        var factory = server.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        long computed = 0;
        using var meters = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "riskgrpc.metrics.series_computed")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref computed, value));
        meters.Start();

        var client = new MetricsService.MetricsServiceClient(server.Channel);
        // Small to upload, slow to compute: rolling windows of 2,000 rows over 5,000-row series.
        var rolling = new RollingOptions { Window = 2000, Metrics = { RollingMetric.Sharpe, RollingMetric.Volatility, RollingMetric.Sortino, RollingMetric.MaxDrawdown } };
        var request = new ComputeMetricsRequest { Returns = { TestSeries.Returns(seed: 9, n: 5_000) }, Rolling = rolling, ConfidenceLevels = { 0.9, 0.95, 0.99 } };
        var batch = new ComputeMetricsBatchRequest();
        for (var i = 0; i < 100; i++)
        {
            batch.Requests.Add(request);
        }

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.ComputeMetricsBatchAsync(batch, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddMilliseconds(200), cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(ex.StatusCode == StatusCode.DeadlineExceeded, ex.Status + string.Join("\n", server.Logs.Records.Where(r => r.Exception is not null)));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.True(Interlocked.Read(ref computed) < 100, $"the server computed all {computed} series after the deadline");
    }

    [Fact]
    public void ParallelBatchStartsNoItemOnceCancelled()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;
        var results = new int[10_000];
        Assert.ThrowsAny<OperationCanceledException>(() => ParallelBatch.Run(
            results,
            i =>
            {
                if (Interlocked.Increment(ref started) == 100)
                {
                    cts.Cancel();
                }

                return i;
            },
            cts.Token));
        Assert.InRange(started, 100, 100 + (4 * Environment.ProcessorCount));
    }
}
