using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Cli.Metrics;

/// <summary>The parsed options of <c>riskgrpc metrics</c>.</summary>
internal sealed class MetricsCommandOptions
{
    public const string Usage =
        "usage: riskgrpc metrics --returns FILE [--benchmark FILE] [--periods-per-year N] [--risk-free R] " +
        "[--nan-policy reject|skip|zero] [--confidence C] [--prices] [--format table|json]";

    public required string ReturnsPath { get; init; }

    public string? BenchmarkPath { get; init; }

    public double PeriodsPerYear { get; init; }

    public double RiskFreeRate { get; init; }

    public MetricsNanPolicy NanPolicy { get; init; }

    public double Confidence { get; init; } = MetricsRequest.DefaultConfidence;

    public bool Prices { get; init; }

    public MetricsOutputFormat Format { get; init; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CliInputException"/> on anything unexpected.</summary>
    public static MetricsCommandOptions Parse(IReadOnlyList<string> args)
    {
        string? returns = null, benchmark = null;
        double periods = 0, riskFree = 0, confidence = MetricsRequest.DefaultConfidence;
        var policy = MetricsNanPolicy.Reject;
        var prices = false;
        var format = MetricsOutputFormat.Table;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--returns":
                    returns = CliArguments.Value(args, ref i);
                    break;
                case "--benchmark":
                    benchmark = CliArguments.Value(args, ref i);
                    break;
                case "--periods-per-year":
                    periods = CliArguments.Number(name, CliArguments.Value(args, ref i));
                    break;
                case "--risk-free":
                    riskFree = CliArguments.Number(name, CliArguments.Value(args, ref i));
                    break;
                case "--confidence":
                    confidence = CliArguments.Number(name, CliArguments.Value(args, ref i));
                    break;
                case "--nan-policy":
                    policy = CliArguments.NanPolicy(CliArguments.Value(args, ref i));
                    break;
                case "--format":
                    format = CliArguments.Value(args, ref i) switch
                    {
                        "table" => MetricsOutputFormat.Table,
                        "json" => MetricsOutputFormat.Json,
                        var other => throw new CliInputException($"--format must be table or json, got '{other}'"),
                    };
                    break;
                case "--prices":
                    prices = true;
                    break;
                default:
                    throw new CliInputException($"unknown option '{name}' ({Usage})");
            }
        }

        if (periods == 0 && args.Contains("--periods-per-year"))
        {
            throw new CliInputException("--periods-per-year must be > 0");
        }

        return new MetricsCommandOptions
        {
            ReturnsPath = returns ?? throw new CliInputException("--returns FILE is required (" + Usage + ")"),
            BenchmarkPath = benchmark,
            PeriodsPerYear = periods,
            RiskFreeRate = riskFree,
            NanPolicy = policy,
            Confidence = confidence,
            Prices = prices,
            Format = format,
        };
    }
}
