using RiskGrpc.Engine.Metrics;
using RiskGrpc.Reports.Charts;

namespace RiskGrpc.Reports;

/// <summary>
/// Per-row series for the charts, each with its x values (days, or row numbers without dates): the engine's cumulative,
/// underwater and rolling outputs, the daily returns, and the derived chart data (vol-matched path, fan bands).
/// </summary>
internal sealed class ReportSeries
{
    public required bool HasDates { get; init; }

    /// <summary>The caller's row of each used row (ascending).</summary>
    public required int[] Rows { get; init; }

    public required double[] X { get; init; }

    public required double[] Returns { get; init; }

    public required double[] Cumulative { get; init; }

    public required double[] Underwater { get; init; }

    public double[]? BenchmarkX { get; init; }

    public double[]? BenchmarkCumulative { get; init; }

    public double[]? VolMatchedCumulative { get; init; }

    public required IReadOnlyList<(string Name, double[] X, double[] Y)> RollingVolatility { get; init; }

    public required IReadOnlyList<(string Name, double[] X, double[] Y)> RollingBeta { get; init; }

    public (double[] X, double[] Y)? RollingSharpe { get; init; }

    public (double[] X, double[] Y)? RollingSortino { get; init; }

    public required MetricsDrawdownEpisode[] WorstFive { get; init; }

    public required double[] MonthlyStrategy { get; init; }

    public double[]? MonthlyBenchmark { get; init; }

    public required IReadOnlyList<(string Label, BoxStats Box)> Boxes { get; init; }

    public IReadOnlyList<ChartBand>? FanBands { get; init; }

    public (double[] X, double[] Y)? FanMedian { get; init; }
}
