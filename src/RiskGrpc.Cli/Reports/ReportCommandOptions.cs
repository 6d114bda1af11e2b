using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Cli.Reports;

/// <summary>The parsed options of <c>riskgrpc report</c>.</summary>
internal sealed class ReportCommandOptions
{
    public const string Usage =
        "usage: riskgrpc report (--returns FILE | --demo) [--benchmark FILE] [--title T] [--periods-per-year N] [--risk-free R]\n" +
        "                       [--nan-policy reject|skip|zero] [--confidence C] [--prices] [--output report.html] [--json report.json] [--pdf report.pdf]\n" +
        "       riskgrpc report --returns-dir DIR --output-dir DIR [--benchmark FILE] [--json] [--pdf] [same options]\n" +
        "A CSV holds one column of values or date,value (header optional). The batch writes NAME.html (and NAME.json /\n" +
        "NAME.pdf with --json / --pdf) per *.csv of DIR, on all cores, with progress on stderr.";

    public string? ReturnsPath { get; init; }

    public bool Demo { get; init; }

    public string? ReturnsDirectory { get; init; }

    public string? OutputDirectory { get; init; }

    public string? BenchmarkPath { get; init; }

    public string? Title { get; init; }

    public double PeriodsPerYear { get; init; }

    public double RiskFreeRate { get; init; }

    public MetricsNanPolicy NanPolicy { get; init; }

    public double Confidence { get; init; } = MetricsRequest.DefaultConfidence;

    public bool Prices { get; init; }

    public string? HtmlPath { get; init; }

    public string? JsonPath { get; init; }

    public string? PdfPath { get; init; }

    /// <summary>Batch mode: also write JSON / PDF next to each HTML.</summary>
    public bool BatchJson { get; init; }

    public bool BatchPdf { get; init; }

    public bool IsBatch => ReturnsDirectory is not null;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CliInputException"/> on anything unexpected.</summary>
    public static ReportCommandOptions Parse(IReadOnlyList<string> args)
    {
        string? returns = null, dir = null, outDir = null, benchmark = null, title = null, html = null, json = null, pdf = null;
        double periods = 0, riskFree = 0, confidence = MetricsRequest.DefaultConfidence;
        var policy = MetricsNanPolicy.Reject;
        bool prices = false, demo = false, batchJson = false, batchPdf = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--returns": returns = CliArguments.Value(args, ref i); break;
                case "--demo": demo = true; break;
                case "--returns-dir": dir = CliArguments.Value(args, ref i); break;
                case "--output-dir": outDir = CliArguments.Value(args, ref i); break;
                case "--benchmark": benchmark = CliArguments.Value(args, ref i); break;
                case "--title": title = CliArguments.Value(args, ref i); break;
                case "--periods-per-year": periods = CliArguments.Number(name, CliArguments.Value(args, ref i)); break;
                case "--risk-free": riskFree = CliArguments.Number(name, CliArguments.Value(args, ref i)); break;
                case "--confidence": confidence = CliArguments.Number(name, CliArguments.Value(args, ref i)); break;
                case "--prices": prices = true; break;
                case "--nan-policy":
                    policy = CliArguments.NanPolicy(CliArguments.Value(args, ref i));
                    break;
                case "--output": html = CliArguments.Value(args, ref i); break;
                case "--json":
                    if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        json = args[++i];
                    }
                    else
                    {
                        batchJson = true;
                    }

                    break;
                case "--pdf":
                    if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        pdf = args[++i];
                    }
                    else
                    {
                        batchPdf = true;
                    }

                    break;
                default:
                    throw new CliInputException($"unknown option '{name}'\n{Usage}");
            }
        }

        var sources = (returns is null ? 0 : 1) + (demo ? 1 : 0) + (dir is null ? 0 : 1);
        if (sources != 1)
        {
            throw new CliInputException($"give exactly one of --returns FILE, --demo or --returns-dir DIR\n{Usage}");
        }

        if (dir is not null && outDir is null)
        {
            throw new CliInputException("--returns-dir needs --output-dir");
        }

        if (dir is null && (batchJson || batchPdf))
        {
            throw new CliInputException("--json and --pdf need a file name (they take none only with --returns-dir)");
        }

        return new ReportCommandOptions
        {
            ReturnsPath = returns,
            Demo = demo,
            ReturnsDirectory = dir,
            OutputDirectory = outDir,
            BenchmarkPath = benchmark,
            Title = title,
            PeriodsPerYear = periods,
            RiskFreeRate = riskFree,
            NanPolicy = policy,
            Confidence = confidence,
            Prices = prices,
            HtmlPath = dir is null && html is null && json is null && pdf is null ? "report.html" : html,
            JsonPath = json,
            PdfPath = pdf,
            BatchJson = batchJson,
            BatchPdf = batchPdf,
        };
    }
}
