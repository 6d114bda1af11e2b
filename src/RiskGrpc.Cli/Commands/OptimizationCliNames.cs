using RiskGrpc.Optimization.Hierarchical;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cli.Commands;

/// <summary>Command-line spellings of methods and estimators.</summary>
internal static class OptimizationCliNames
{
    public static readonly IReadOnlyDictionary<string, OptimizationMethod> Methods = new Dictionary<string, OptimizationMethod>(StringComparer.Ordinal)
    {
        ["min-volatility"] = OptimizationMethod.MinVolatility,
        ["max-sharpe"] = OptimizationMethod.MaxSharpe,
        ["max-quadratic-utility"] = OptimizationMethod.MaxQuadraticUtility,
        ["efficient-return"] = OptimizationMethod.EfficientReturn,
        ["efficient-risk"] = OptimizationMethod.EfficientRisk,
        ["max-diversification"] = OptimizationMethod.MaxDiversification,
        ["risk-parity"] = OptimizationMethod.RiskParity,
        ["hrp"] = OptimizationMethod.Hrp,
        ["herc"] = OptimizationMethod.Herc,
        ["inverse-volatility"] = OptimizationMethod.InverseVolatility,
        ["inverse-variance"] = OptimizationMethod.InverseVariance,
        ["equal-weight"] = OptimizationMethod.EqualWeight,
        ["min-cvar"] = OptimizationMethod.MinCvar,

        // Objective spellings independent of the risk measure (--risk-measure picks it; variance by default).
        ["min-risk"] = OptimizationMethod.MinVolatility,
        ["max-ratio"] = OptimizationMethod.MaxSharpe,
        ["max-utility"] = OptimizationMethod.MaxQuadraticUtility,
    };

    public static readonly IReadOnlyDictionary<string, CovarianceMethod> Covariances = new Dictionary<string, CovarianceMethod>(StringComparer.Ordinal)
    {
        ["sample"] = CovarianceMethod.Sample,
        ["exponentially-weighted"] = CovarianceMethod.ExponentiallyWeighted,
        ["semicovariance"] = CovarianceMethod.Semicovariance,
        ["ledoit-wolf"] = CovarianceMethod.LedoitWolf,
        ["oas"] = CovarianceMethod.Oas,
        ["rmt-denoised"] = CovarianceMethod.RmtDenoised,
    };

    public static readonly IReadOnlyDictionary<string, ExpectedReturnsMethod> ExpectedReturns = new Dictionary<string, ExpectedReturnsMethod>(StringComparer.Ordinal)
    {
        ["geometric-mean"] = ExpectedReturnsMethod.GeometricMean,
        ["mean"] = ExpectedReturnsMethod.Mean,
        ["exponentially-weighted"] = ExpectedReturnsMethod.ExponentiallyWeighted,
    };

    public static readonly IReadOnlyDictionary<string, LinkageMethod> Linkages = new Dictionary<string, LinkageMethod>(StringComparer.Ordinal)
    {
        ["single"] = LinkageMethod.Single,
        ["average"] = LinkageMethod.Average,
        ["complete"] = LinkageMethod.Complete,
        ["ward"] = LinkageMethod.Ward,
    };

    public static T Lookup<T>(IReadOnlyDictionary<string, T> names, string? value, string option, T fallback) =>
        value is null ? fallback
        : names.TryGetValue(value, out var v) ? v
        : throw OptimizationCliArguments.Bad($"{option} must be one of {string.Join(", ", names.Keys)}; got '{value}'");
}
