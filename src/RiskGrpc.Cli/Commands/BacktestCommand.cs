using System.Globalization;
using RiskGrpc.Backtesting;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Supervised;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// <c>backtest (--prices FILE | --returns FILE) [--assets A,B,…] --strategies A,B,… [--rebalance monthly|weekly|every:N] [--lookback 252]
/// [--horizon 21] [--cost-bps 10] [--risk-free R] [--periods-per-year 252] [--min-weight W] [--max-weight W]
/// [--baseline NAME] [--resamples 2000] [--seed S] [--knn-distance hassanat|euclidean] [--knn-k K]
/// [--format table|json|markdown] [--output-dir DIR]</c>. Progress on stderr; exit 0 success, 2 bad input.
/// </summary>
internal sealed class BacktestCommand : ICliCommand
{
    private static readonly HashSet<string> ValueOptions =
    [
        "--prices", "--returns", "--strategies", "--rebalance", "--lookback", "--horizon", "--cost-bps", "--risk-free",
        "--periods-per-year", "--min-weight", "--max-weight", "--baseline", "--resamples", "--seed", "--knn-distance",
        "--knn-k", "--format", "--output-dir", "--assets",
    ];

    public string Name => "backtest";

    public string Summary => "walk-forward backtest of allocation strategies (equal-weight, max-sharpe, supervised-knn, ...)";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var a = new OptimizationCliArguments(args, ValueOptions, new HashSet<string>());
            var format = a.Format("table", "json", "markdown");

            var returns = OptimizationCliInput.Returns(a) ?? throw OptimizationCliArguments.Bad("give --prices FILE or --returns FILE");
            if (a.Value("--assets") is { } assets)
            {
                returns = returns.SelectAssets(assets.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            }

            var knn = new SupervisedKnnOptions
            {
                Distance = (a.Value("--knn-distance") ?? "hassanat") switch
                {
                    "hassanat" => NeighbourDistance.Hassanat,
                    "euclidean" => NeighbourDistance.EuclideanZScore,
                    var d => throw OptimizationCliArguments.Bad($"--knn-distance must be hassanat or euclidean; got '{d}'"),
                },
                Weighting = a.Has("--knn-k") ? NeighbourWeighting.FixedInverseDistance : NeighbourWeighting.KStar,
                FixedK = (int)(a.Number("--knn-k") ?? 0),
            };
            var strategies = a.Required("--strategies").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(name => StrategyCatalog.Create(name, knn)).ToArray();
            var spec = new BacktestSpec
            {
                Returns = returns,
                Schedule = RebalanceSchedule.Parse(a.Value("--rebalance") ?? "monthly"),
                Lookback = (int)(a.Number("--lookback") ?? 252),
                Horizon = (int)(a.Number("--horizon") ?? 21),
                CostBps = a.Number("--cost-bps") ?? 10,
                RiskFreeRate = a.Number("--risk-free") ?? 0,
                PeriodsPerYear = a.Number("--periods-per-year") ?? 252,
                MinWeight = a.Number("--min-weight") ?? 0,
                MaxWeight = a.Number("--max-weight") ?? 1,
            };
            var comparison = new SharpeComparisonOptions
            {
                Baseline = a.Value("--baseline"),
                Resamples = (int)(a.Number("--resamples") ?? 2000),
                Seed = (int)(a.Number("--seed") ?? new SharpeComparisonOptions().Seed),
            };
            var progress = new StderrProgress(stderr);
            var result = WalkForwardBacktester.Run(spec, strategies, comparison, progress);
            progress.Finish();

            switch (format)
            {
                case "json":
                    BacktestCliOutput.Json(spec, result, stdout);
                    break;
                case "markdown":
                    BacktestCliOutput.Markdown(spec, result, stdout);
                    break;
                default:
                    BacktestCliOutput.Table(result, stdout);
                    break;
            }

            if (a.Value("--output-dir") is { } dir)
            {
                BacktestCliOutput.WriteDirectory(spec, result, dir, comparison.Baseline);
                stderr.WriteLine($"wrote {result.Strategies.Count} strategies to {dir}");
            }

            return result.Strategies.Any(s => s.Error is not null) ? 1 : 0;
        }
        catch (OptimizationException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ex.Kind == OptimizationErrorKind.InvalidInput ? 2 : 1;
        }
        catch (BacktestException ex)
        {
            stderr.WriteLine($"error: {ex.Field}: {ex.Message}");
            return 2;
        }
    }

    /// <summary>Prints "backtest: N/M decisions" at most every 10 % of the run.</summary>
    private sealed class StderrProgress(TextWriter stderr) : IProgress<BacktestProgress>
    {
        private int _lastTenth = -1;

        public void Report(BacktestProgress value)
        {
            var tenth = value.CompletedDecisions * 10 / Math.Max(1, value.TotalDecisions);
            lock (stderr)
            {
                if (tenth > _lastTenth)
                {
                    _lastTenth = tenth;
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"backtest: {value.CompletedDecisions}/{value.TotalDecisions} decisions"));
                }
            }
        }

        public void Finish() => stderr.Flush();
    }
}
