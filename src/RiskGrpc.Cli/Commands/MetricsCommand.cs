using RiskGrpc.Cli.Metrics;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// <c>riskgrpc metrics --returns FILE ...</c>: the metric catalogue of one CSV series (optionally against a benchmark
/// CSV) through the same engine as the server. Bad input is one line on stderr and exit code 2.
/// </summary>
internal sealed class MetricsCommand(IMetricsEngine engine) : ICliCommand
{
    public MetricsCommand()
        : this(MetricsEngine.Create())
    {
    }

    public string Name => "metrics";

    public string Summary => "compute the metric catalogue of a returns (or --prices) CSV";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count > 0 && args[0] is "-h" or "--help")
        {
            stdout.WriteLine(MetricsCommandOptions.Usage);
            return 0;
        }

        try
        {
            var options = MetricsCommandOptions.Parse(args);
            var returns = Load(options.ReturnsPath, options.Prices);
            var benchmark = options.BenchmarkPath is null ? null : Load(options.BenchmarkPath, options.Prices);
            CheckDatesAgree(returns, benchmark);
            var request = new MetricsRequest
            {
                Returns = returns.Values,
                Benchmark = benchmark?.Values,
                Timestamps = returns.Dates,
                PeriodsPerYear = options.PeriodsPerYear,
                RiskFreeRate = options.RiskFreeRate,
                NanPolicy = options.NanPolicy,
                ConfidenceLevels = new[] { options.Confidence },
            };

            MetricsResult result;
            try
            {
                result = engine.Compute(request);
            }
            catch (MetricsValidationException ex)
            {
                throw new CliInputException(Describe(ex, returns, benchmark));
            }

            MetricsResultWriter.Write(result, options.Format, stdout);
            return 0;
        }
        catch (Exception ex) when (ex is CliInputException or LimitExceededException)
        {
            stderr.WriteLine("error: " + ex.Message);
            return 2;
        }
    }

    internal static CsvSeries Load(string path, bool prices)
    {
        var series = CsvSeriesReader.Read(path);
        return prices ? PriceConversion.ToReturns(series) : series;
    }

    internal static void CheckDatesAgree(CsvSeries returns, CsvSeries? benchmark)
    {
        if (benchmark?.Dates is not { } b || returns.Dates is not { } r)
        {
            return;
        }

        for (var i = 0; i < Math.Min(r.Length, b.Length); i++)
        {
            if (r[i] != b[i])
            {
                throw new CliInputException(
                    $"{benchmark.Path}:{benchmark.Lines[i]}: date {b[i]:yyyy-MM-dd} does not match {returns.Path}:{returns.Lines[i]} ({r[i]:yyyy-MM-dd}); rows are aligned one to one");
            }
        }
    }

    /// <summary>Names the option and, for a row, the file and line instead of the proto field path.</summary>
    internal static string Describe(MetricsValidationException ex, CsvSeries returns, CsvSeries? benchmark)
    {
        var (option, series) = ex.Field switch
        {
            "returns" => ("--returns", returns),
            "benchmark" => ("--benchmark", benchmark),
            "timestamps" => ("--returns dates", returns),
            "periods_per_year" => ("--periods-per-year", null),
            "risk_free_rate" => ("--risk-free", null),
            "confidence_levels" => ("--confidence", null),
            _ => (ex.Field, (CsvSeries?)null),
        };

        var where = series is not null && ex.Index >= 0 && ex.Index < series.Lines.Length
            ? $"{series.Path}:{series.Lines[ex.Index]}"
            : option;
        var description = ex.Description.Replace("nan_policy REJECT (use SKIP or ZERO", "--nan-policy reject (use --nan-policy skip or zero", StringComparison.Ordinal);
        return $"{where}: {description}";
    }
}
