using BenchmarkDotNet.Attributes;
using RiskGrpc.Benchmarks.Kernel;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports;
using RiskGrpc.Reports.Demo;

namespace RiskGrpc.Benchmarks.Reports;

/// <summary>
/// The report targets: one full report (2,520 daily returns with a benchmark and dates, every chart and table, HTML +
/// JSON) on one core, and 1,000 such reports (distinct seeded series) spread over all cores, as
/// <c>riskgrpc report --returns-dir</c> runs them. Setup checks the output size (≤ 1 MB for HTML + JSON).
/// </summary>
public class ReportBenchmarks
{
    private readonly IMetricsEngine _engine = MetricsEngine.Create();
    private readonly ReportRenderer _renderer;
    private ReportInput _demo = DemoReport.Input();
    private ReportInput[] _batch = [];

    public ReportBenchmarks() => _renderer = new ReportRenderer(_engine);

    [Params(1000)]
    public int Reports { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _demo = DemoReport.Input();
        var dates = _demo.Dates!;
        _batch = new ReportInput[Reports];
        for (var i = 0; i < Reports; i++)
        {
            var (r, b) = BenchmarkSeries.Pair(dates.Length, seed: 5000 + i);
            _batch[i] = new ReportInput { Returns = r, Benchmark = b, Dates = dates, Title = $"Portfolio {i}" };
        }

        var one = _renderer.Render(_demo);
        var size = one.Html!.Length + one.Json!.Length;
        Console.WriteLine($"// report bytes: html {one.Html.Length:N0} + json {one.Json.Length:N0} = {size:N0}");
        BenchmarkSeries.Check(size <= 1_000_000, "HTML + JSON of one report is at most 1 MB");
        BenchmarkSeries.Check(one.Model.Period.Observations == 2520, "2,520 returns");
    }

    /// <summary>
    /// One <c>ComputeMetrics</c>-equivalent engine call on the same series: the yardstick that makes the report figure
    /// comparable across machines and loads (the report costs this many engine calls).
    /// </summary>
    [Benchmark(Baseline = true)]
    public double OneEngineCompute() => _engine.Compute(_demo.ToMetricsRequest()).Metrics.Sharpe;

    [Benchmark]
    public int OneReportHtmlAndJson()
    {
        var documents = _renderer.Render(_demo);
        return documents.Html!.Length + documents.Json!.Length;
    }

    [Benchmark]
    public long ThousandReportsAllCores()
    {
        long bytes = 0;
        Parallel.ForEach(_batch, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, input =>
        {
            var documents = _renderer.Render(input);
            Interlocked.Add(ref bytes, documents.Html!.Length + documents.Json!.Length);
        });
        return bytes;
    }
}
