using System.Text;
using RiskGrpc.Optimization.Portfolios;
using RiskGrpc.Optimization.Supervised;

namespace RiskGrpc.Backtesting;

/// <summary>
/// Strategies by name: every <see cref="OptimizationMethod"/> that needs only returns, spelt in kebab case
/// (<c>equal-weight</c>, <c>min-volatility</c>, <c>max-sharpe</c>, <c>risk-parity</c>, <c>hrp</c>, …), and
/// <c>supervised-knn</c>, the incremental k*-NN strategy.
/// </summary>
public static class StrategyCatalog
{
    private static readonly OptimizationMethod[] NeedsMoreThanReturns =
    [
        OptimizationMethod.EfficientReturn, OptimizationMethod.EfficientRisk, OptimizationMethod.Herc, OptimizationMethod.SupervisedKnn,
    ];

    /// <summary>Names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Enum.GetValues<OptimizationMethod>().Where(m => !NeedsMoreThanReturns.Contains(m)).Select(KebabName), "supervised-knn"];

    /// <summary>The strategy called <paramref name="name"/>; expected returns are arithmetic means so every strategy sees the same μ.</summary>
    public static IAllocationStrategy Create(string name, SupervisedKnnOptions? knn = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name == "supervised-knn")
        {
            return new SupervisedKnnStrategy(name, knn ?? new SupervisedKnnOptions());
        }

        foreach (var method in Enum.GetValues<OptimizationMethod>())
        {
            if (!NeedsMoreThanReturns.Contains(method) && KebabName(method) == name)
            {
                return new OptimizerStrategy(name, new OptimizationRequest
                {
                    Assets = [],
                    Method = method,
                    ExpectedReturnsMethod = ExpectedReturnsMethod.Mean,
                });
            }
        }

        throw new BacktestException($"unknown strategy '{name}' (one of {string.Join(", ", Names)})", "strategies");
    }

    private static string KebabName(OptimizationMethod method)
    {
        var text = method.ToString();
        var builder = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(text[i]));
        }

        return builder.ToString();
    }
}
