using System.Diagnostics;
using RiskGrpc.Cli.Commands;
using RiskGrpc.Cli.Metrics;
using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports;
using RiskGrpc.Reports.Demo;
using RiskGrpc.Reports.Pdf;

namespace RiskGrpc.Cli.Reports;

/// <summary>
/// <c>riskgrpc report ...</c>: the tearsheet (HTML, JSON, PDF) of one CSV series, the bundled demo, or every CSV of a
/// folder on all cores. Numbers come from the same engine as the server. Bad input is one line on stderr and exit 2;
/// in a batch, a bad file is reported and skipped, and the exit code is 1 when any file failed.
/// </summary>
internal sealed class ReportCommand(IMetricsEngine engine) : ICliCommand
{
    private static readonly TimeSpan PdfTimeout = TimeSpan.FromMinutes(2);
    private readonly ReportRenderer renderer = new(engine);

    public ReportCommand()
        : this(MetricsEngine.Create())
    {
    }

    public string Name => "report";

    public string Summary => "tearsheet report (HTML, JSON, PDF) of a returns CSV, --demo, or a folder";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0 && args[0] is "-h" or "--help")
        {
            stdout.WriteLine(ReportCommandOptions.Usage);
            return 0;
        }

        try
        {
            var options = ReportCommandOptions.Parse(args);
            if (options.IsBatch)
            {
                return RunBatch(options, stderr);
            }

            var input = options.Demo ? DemoReport.Input() : Load(options, options.ReturnsPath!);
            var documents = Render(input, options.HtmlPath is not null || options.PdfPath is not null, options.JsonPath is not null, options);
            Write(options.HtmlPath, documents.Html, stdout);
            Write(options.JsonPath, documents.Json, stdout);
            if (options.PdfPath is not null)
            {
                Write(options.PdfPath, ChromiumPdfPrinter.PrintAsync(documents.Html!, PdfTimeout).GetAwaiter().GetResult(), stdout);
            }

            return 0;
        }
        catch (Exception ex) when (ex is CliInputException or LimitExceededException or ChromiumNotFoundException)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 1;
        }
    }

    private int RunBatch(ReportCommandOptions options, TextWriter stderr)
    {
        if (!Directory.Exists(options.ReturnsDirectory))
        {
            throw new CliInputException($"--returns-dir '{options.ReturnsDirectory}' is not a folder");
        }

        if (options.BatchPdf && ChromiumLocator.Find() is null)
        {
            throw new ChromiumNotFoundException();
        }

        var files = Directory.GetFiles(options.ReturnsDirectory!, "*.csv").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new CliInputException($"--returns-dir '{options.ReturnsDirectory}' holds no *.csv file");
        }

        Directory.CreateDirectory(options.OutputDirectory!);
        var done = 0;
        var failed = 0;
        var sync = new Lock();
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            string? error = null;
            try
            {
                var input = Load(options, file);
                var documents = Render(input, html: true, json: options.BatchJson, options);
                var stem = Path.Combine(options.OutputDirectory!, Path.GetFileNameWithoutExtension(file));
                File.WriteAllBytes(stem + ".html", documents.Html!);
                if (documents.Json is { } json)
                {
                    File.WriteAllBytes(stem + ".json", json);
                }

                if (options.BatchPdf)
                {
                    File.WriteAllBytes(stem + ".pdf", ChromiumPdfPrinter.PrintAsync(documents.Html!, PdfTimeout).GetAwaiter().GetResult());
                }
            }
            catch (Exception ex) when (ex is CliInputException or LimitExceededException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                error = ex.Message;
            }

            lock (sync)
            {
                done++;
                if (error is not null)
                {
                    failed++;
                    stderr.WriteLine($"error: {file}: {error}");
                }

                if (done == files.Length || clock.Elapsed - lastReport >= TimeSpan.FromMilliseconds(250))
                {
                    lastReport = clock.Elapsed;
                    stderr.WriteLine($"[{done}/{files.Length}] {done * 100 / files.Length}% {clock.Elapsed.TotalSeconds:0.0} s");
                }
            }
        });

        stderr.WriteLine($"{done - failed} report(s) written to {options.OutputDirectory}, {failed} failed, {clock.Elapsed.TotalSeconds:0.00} s");
        return failed == 0 ? 0 : 1;
    }

    private ReportDocuments Render(ReportInput input, bool html, bool json, ReportCommandOptions options)
    {
        try
        {
            return renderer.Render(input, html, json);
        }
        catch (MetricsValidationException ex)
        {
            throw new CliInputException(options.Demo ? ex.Message : ex.FieldPath + ": " + ex.Description);
        }
    }

    private static ReportInput Load(ReportCommandOptions options, string path)
    {
        var returns = MetricsCommand.Load(path, options.Prices);
        var benchmark = options.BenchmarkPath is null ? null : MetricsCommand.Load(options.BenchmarkPath, options.Prices);
        MetricsCommand.CheckDatesAgree(returns, benchmark);
        if (benchmark is not null && benchmark.Values.Length != returns.Values.Length)
        {
            throw new CliInputException($"{benchmark.Path} has {benchmark.Values.Length} rows but {returns.Path} has {returns.Values.Length}; rows are aligned one to one");
        }

        return new ReportInput
        {
            Title = options.Title ?? Path.GetFileNameWithoutExtension(path) + " tearsheet",
            StrategyName = Path.GetFileNameWithoutExtension(path),
            BenchmarkName = options.BenchmarkPath is null ? "Benchmark" : Path.GetFileNameWithoutExtension(options.BenchmarkPath),
            Returns = returns.Values,
            Benchmark = benchmark?.Values,
            Dates = returns.Dates,
            PeriodsPerYear = options.PeriodsPerYear,
            RiskFreeRate = options.RiskFreeRate,
            NanPolicy = options.NanPolicy,
            Confidence = options.Confidence,
        };
    }

    private static void Write(string? path, byte[]? bytes, TextWriter stdout)
    {
        if (path is null || bytes is null)
        {
            return;
        }

        File.WriteAllBytes(path, bytes);
        stdout.WriteLine($"wrote {path} ({bytes.Length:N0} bytes)");
    }
}
