using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cli.Commands;

/// <summary>
/// <c>covariance (--prices FILE | --returns FILE) --estimator NAME [--periods-per-year N] [--format table|json]</c>: prints the
/// annualised covariance as CSV (header row and first column name the assets) or JSON.
/// </summary>
internal sealed class CovarianceCommand : ICliCommand
{
    private static readonly HashSet<string> ValueOptions = ["--prices", "--returns", "--estimator", "--periods-per-year", "--format"];

    public string Name => "covariance";

    public string Summary => "estimate an annualised covariance matrix (sample, ledoit-wolf, oas, ...)";

    public int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var a = new OptimizationCliArguments(args, ValueOptions, new HashSet<string>());
            var format = a.Format("table", "json");

            var returns = OptimizationCliInput.Returns(a) ?? throw OptimizationCliArguments.Bad("give --prices FILE or --returns FILE");
            var estimator = OptimizationCliNames.Lookup(OptimizationCliNames.Covariances, a.Required("--estimator"), "--estimator", CovarianceMethod.Sample);
            var cov = InputEstimator.Covariance(returns.Values, estimator, a.Number("--periods-per-year") ?? 252);
            OptimizationCliOutput.Matrix(returns.Assets, cov, format == "json", stdout);
            return 0;
        }
        catch (OptimizationException ex)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ex.Kind == OptimizationErrorKind.InvalidInput ? 2 : 1;
        }
    }
}
