namespace RiskGrpc.Backtesting;

/// <summary>
/// What an allocator sees at the close of rebalancing row t: copies of rows ≤ t only, for the assets with a return in
/// every row of the lookback window (the point-in-time universe).
/// </summary>
public sealed class AllocationContext
{
    /// <summary>The rebalancing row t.</summary>
    public required int Row { get; init; }

    /// <summary>Its date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Indices (in the spec's column order) of the assets in the universe at t.</summary>
    public required int[] AssetIndices { get; init; }

    /// <summary>Names of those assets.</summary>
    public required IReadOnlyList<string> Assets { get; init; }

    /// <summary>The lookback window: the last <see cref="BacktestSpec.Lookback"/> rows up to t, universe columns.</summary>
    public required double[,] Window { get; init; }

    /// <summary>The lookback window's row dates.</summary>
    public required IReadOnlyList<string> WindowLabels { get; init; }

    /// <summary>First row (in the spec's rows) of <see cref="History"/>.</summary>
    public required int HistoryStartRow { get; init; }

    /// <summary>Copies the longest run of rows ending at t in which every universe asset has a return (for learners).</summary>
    public required Func<double[,]> History { get; init; }

    /// <summary>The backtest's settings.</summary>
    public required BacktestSpec Spec { get; init; }

    /// <summary>Cancelled when the run is cancelled.</summary>
    public CancellationToken CancellationToken { get; init; }
}
