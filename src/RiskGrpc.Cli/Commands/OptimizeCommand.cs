using System.Globalization;
using RiskGrpc.Cloud;
using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Portfolios;
using RiskGrpc.Optimization.RiskMeasures;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// <c>optimize (--prices FILE | --returns FILE | --expected-returns FILE --covariance FILE) --method NAME [--risk-measure NAME
/// [--alpha A] [--target-risk R]] [options]</c>.
/// <c>--routing local|cloud|auto</c> (with <c>--cloud-url URL</c>, key from PORTFOLIO_OPTIMIZER_API_KEY) picks the venue.
/// Exit codes: 0 success, 2 bad input, 1 infeasible or ill-posed problem, 3 cloud-only call the cloud could not answer;
/// errors are one line on stderr.
/// </summary>
internal sealed class OptimizeCommand : ICliCommand
{
    private static readonly HashSet<string> ValueOptions =
    [
        "--prices", "--returns", "--expected-returns", "--covariance", "--method", "--risk-free", "--target-return",
        "--target-volatility", "--risk-aversion", "--min-weight", "--max-weight", "--linkage", "--covariance-estimator",
        "--expected-returns-estimator", "--periods-per-year", "--format", "--clusters", "--solver", "--market-caps",
        "--bl-risk-aversion", "--view", "--cvar-beta",
        "--routing", "--cloud-url",
        "--risk-measure", "--alpha", "--target-risk",
    ];

    private static readonly HashSet<string> FlagOptions = ["--market-neutral", "--optimal-leaf-ordering"];

    public string Name => "optimize";

    public string Summary => "optimize portfolio weights (min-volatility, max-sharpe, hrp, risk-parity, ...)";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var a = new OptimizationCliArguments(args, ValueOptions, FlagOptions);
            var format = a.Format("table", "json");

            var request = BuildRequest(a);
            var routed = a.Has("--routing") ? OptimizationCliRouting.Optimize(a, request) : null;
            var result = routed?.Result ?? PortfolioOptimizer.Optimize(request);
            if (format == "json")
            {
                OptimizationCliOutput.Json(result, stdout, routed is null ? null : w => OptimizationCliRouting.WriteJson(w, routed));
            }
            else
            {
                OptimizationCliOutput.Table(result, stdout);
                if (routed is not null)
                {
                    OptimizationCliRouting.WriteTable(stdout, routed);
                }
            }

            return 0;
        }
        catch (CloudUnavailableException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return 3;
        }
        catch (OptimizationException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ex.Kind == OptimizationErrorKind.InvalidInput ? 2 : 1;
        }
    }

    private static OptimizationRequest BuildRequest(OptimizationCliArguments a)
    {
        var method = OptimizationCliNames.Lookup(OptimizationCliNames.Methods, a.Required("--method"), "--method", OptimizationMethod.MinVolatility);
        var returns = OptimizationCliInput.Returns(a);
        string[] assets;
        double[]? mu = null;
        double[,]? cov = null;
        if (returns is not null)
        {
            if (a.Has("--expected-returns") || a.Has("--covariance"))
            {
                throw OptimizationCliArguments.Bad("--expected-returns/--covariance cannot be combined with --prices/--returns");
            }

            assets = [.. returns.Assets];
        }
        else
        {
            var covPath = a.Value("--covariance") ?? throw OptimizationCliArguments.Bad("give --prices FILE, --returns FILE, or --expected-returns FILE with --covariance FILE");
            (assets, cov) = OptimizationCliInput.Matrix(covPath);
            if (a.Value("--expected-returns") is { } muPath)
            {
                var (muAssets, values) = OptimizationCliInput.Vector(muPath);
                mu = assets.Select(x => Array.IndexOf(muAssets, x) is var i and >= 0 ? values[i] : throw OptimizationCliArguments.Bad($"{muPath}: no expected return for asset '{x}'")).ToArray();
            }
        }

        var minWeight = a.Number("--min-weight") ?? 0;
        var maxWeight = a.Number("--max-weight") ?? 1;
        var marketNeutral = a.Flag("--market-neutral");
        PortfolioConstraints? constraints = a.Has("--min-weight") || a.Has("--max-weight") || marketNeutral
            ? new PortfolioConstraints(assets.Length, minWeight, maxWeight) { Budget = marketNeutral ? 0 : 1 }
            : null;
        return new OptimizationRequest
        {
            Assets = assets,
            Returns = returns,
            ExpectedReturns = mu,
            Covariance = cov,
            Method = method,
            ExpectedReturnsMethod = OptimizationCliNames.Lookup(OptimizationCliNames.ExpectedReturns, a.Value("--expected-returns-estimator"), "--expected-returns-estimator", ExpectedReturnsMethod.GeometricMean),
            CovarianceMethod = OptimizationCliNames.Lookup(OptimizationCliNames.Covariances, a.Value("--covariance-estimator"), "--covariance-estimator", CovarianceMethod.Sample),
            PeriodsPerYear = a.Number("--periods-per-year") ?? 252,
            RiskFreeRate = a.Number("--risk-free") ?? 0,
            TargetReturn = a.Number("--target-return"),
            TargetVolatility = a.Number("--target-volatility"),
            RiskAversion = a.Number("--risk-aversion") ?? 1,
            Constraints = constraints,
            Linkage = OptimizationCliNames.Lookup(OptimizationCliNames.Linkages, a.Value("--linkage"), "--linkage", Optimization.Hierarchical.LinkageMethod.Single),
            OptimalLeafOrdering = a.Flag("--optimal-leaf-ordering"),
            ClusterCount = a.Number("--clusters") is { } k ? (int)k : null,
            CvarBeta = a.Number("--cvar-beta") ?? 0.95,
            Solver = a.Value("--solver") ?? "auto",
            BlackLitterman = BlackLitterman(a, assets),
            RiskMeasure = a.Value("--risk-measure") is { } measure ? RiskMeasureInfo.Parse(measure) : RiskMeasure.Variance,
            Alpha = a.Number("--alpha") ?? ScenarioRisk.DefaultAlpha,
            TargetRisk = a.Number("--target-risk"),
        };
    }

    /// <summary><c>--market-caps FILE</c> (asset,value) plus repeated <c>--view A=R</c> (absolute) or <c>--view A&gt;B=R</c> (relative).</summary>
    private static BlackLittermanViews? BlackLitterman(OptimizationCliArguments a, string[] assets)
    {
        var capsPath = a.Value("--market-caps");
        if (capsPath is null)
        {
            return a.Values("--view").Count > 0 ? throw OptimizationCliArguments.Bad("--view needs --market-caps") : null;
        }

        var (capAssets, capValues) = OptimizationCliInput.Vector(capsPath);
        var caps = assets.Select(x => Array.IndexOf(capAssets, x) is var i and >= 0 ? capValues[i] : throw OptimizationCliArguments.Bad($"{capsPath}: no market cap for asset '{x}'")).ToArray();
        var views = a.Values("--view");
        var pick = new double[views.Count, assets.Length];
        var q = new double[views.Count];
        for (var k = 0; k < views.Count; k++)
        {
            var parts = views[k].Split('=');
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out q[k]))
            {
                throw OptimizationCliArguments.Bad($"--view '{views[k]}' must look like ASSET=R or ASSET>OTHER=R");
            }

            var names = parts[0].Split('>');
            pick[k, Index(assets, names[0], views[k])] = 1;
            if (names.Length == 2)
            {
                pick[k, Index(assets, names[1], views[k])] = -1;
            }
        }

        return new BlackLittermanViews { MarketCaps = caps, RiskAversion = a.Number("--bl-risk-aversion") ?? 1, Pick = pick, ViewReturns = q };
    }

    private static int Index(string[] assets, string name, string view) =>
        Array.IndexOf(assets, name) is var i and >= 0 ? i : throw OptimizationCliArguments.Bad($"--view '{view}': unknown asset '{name}'");
}
