using RiskGrpc.Optimization;
using RiskGrpc.Optimization.Data;
using RiskGrpc.Optimization.MeanVariance;
using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Backtesting;

/// <summary>
/// A strategy that asks <see cref="PortfolioOptimizer"/> — the engine behind <c>OptimizerService</c> — for weights on the
/// lookback window at each rebalance. The template's method and settings are kept; the backtest supplies the assets, the
/// window as returns, the risk-free rate, periods per year and the weight bounds. A return-seeking method whose every
/// expected return is at or below the risk-free rate holds the minimum-volatility portfolio for that period, with a note.
/// </summary>
public sealed class OptimizerStrategy(string name, OptimizationRequest template) : IAllocationStrategy
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The request every rebalance starts from.</summary>
    public OptimizationRequest Template { get; } = template;

    /// <inheritdoc />
    public IAllocator CreateAllocator() => new Allocator(Template);

    private sealed class Allocator(OptimizationRequest template) : IAllocator
    {
        public bool ConcurrentDates => true;

        public AllocationDecision Allocate(AllocationContext context)
        {
            var spec = context.Spec;
            var n = context.Assets.Count;
            var defaultBounds = spec.MinWeight == 0 && spec.MaxWeight >= 1;
            var request = template with
            {
                Assets = context.Assets,
                Returns = new AssetTable(context.Assets, context.WindowLabels, context.Window),
                ExpectedReturns = null,
                Covariance = null,
                RiskFreeRate = spec.RiskFreeRate,
                PeriodsPerYear = spec.PeriodsPerYear,
                Constraints = defaultBounds ? null : new PortfolioConstraints(n, spec.MinWeight, spec.MaxWeight),
                // A backtest needs the weights only; the per-date risk report would cost more than the solve.
                EvaluateRiskMeasures = false,
            };
            try
            {
                return new AllocationDecision(PortfolioOptimizer.Optimize(request).Weights);
            }
            catch (OptimizationException ex) when (ex.Kind == OptimizationErrorKind.NoReturnAboveRiskFree)
            {
                var fallback = PortfolioOptimizer.Optimize(request with { Method = OptimizationMethod.MinVolatility });
                return new AllocationDecision(fallback.Weights, "no expected return above the risk-free rate: minimum volatility");
            }
        }
    }
}
