namespace RiskGrpc.Backtesting.Tests;

/// <summary><see cref="WalkForwardBacktester.Run"/> bound to the test's cancellation token.</summary>
internal static class Backtest
{
    public static BacktestResult Run(BacktestSpec spec, IReadOnlyList<IAllocationStrategy> strategies, SharpeComparisonOptions? comparison = null, IProgress<BacktestProgress>? progress = null) =>
        WalkForwardBacktester.Run(spec, strategies, comparison, progress, TestContext.Current.CancellationToken);
}
