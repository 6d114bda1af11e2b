using System.Globalization;
using RiskGrpc.Optimization.Supervised;

namespace RiskGrpc.Backtesting;

/// <summary>
/// The supervised k*-NN allocator as a backtest strategy. Each run keeps one incremental <see cref="SupervisedKnnModel"/>
/// per point-in-time universe, fed only with the rows ≤ t the context hands over, so every training date's features,
/// label and validation error are computed once. The label horizon, risk-free rate, periods per year and maximum
/// weight come from the backtest.
/// </summary>
public sealed class SupervisedKnnStrategy(string name, SupervisedKnnOptions options) : IAllocationStrategy
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <summary>The allocator's settings before the backtest's own are applied.</summary>
    public SupervisedKnnOptions Options { get; } = options;

    /// <inheritdoc />
    public IAllocator CreateAllocator() => new Allocator(Options);

    private sealed class Allocator(SupervisedKnnOptions options) : IAllocator
    {
        private SupervisedKnnModel? _model;
        private string _modelKey = string.Empty;

        public bool ConcurrentDates => false;

        public AllocationDecision Allocate(AllocationContext context)
        {
            var spec = context.Spec;
            if (spec.MinWeight != 0)
            {
                throw new BacktestException("supervised-knn is long only: its minimum weight must be 0", "min_weight");
            }

            var key = string.Join(',', context.AssetIndices) + "@" + context.HistoryStartRow.ToString(CultureInfo.InvariantCulture);
            if (_model is null || key != _modelKey)
            {
                _model = new SupervisedKnnModel(context.Assets.Count, options with
                {
                    Horizon = spec.Horizon,
                    RiskFreeRate = spec.RiskFreeRate,
                    PeriodsPerYear = spec.PeriodsPerYear,
                    MaxWeight = Math.Min(1, spec.MaxWeight),
                });
                _modelKey = key;
            }

            var prediction = _model.Predict(context.History());
            var note = prediction.Fallback ?? string.Create(CultureInfo.InvariantCulture, $"k*={prediction.NeighbourCount} of {prediction.TrainingPoints}, L/C={prediction.LOverC}");
            return new AllocationDecision(prediction.Weights, note);
        }
    }
}
