using System.Buffers;
using RiskGrpc.Kernel;

namespace RiskGrpc.Engine.Metrics;

/// <summary>Builds the optional outputs of a <see cref="MetricsResult"/> (series, episodes, rolling, calendar tables).</summary>
internal static class MetricsSeriesBuilder
{
    /// <summary>The cumulative or underwater series over <paramref name="returns"/>, or null when not requested.</summary>
    public static double[]? WealthSeries(MetricsRequest request, MetricsSeriesKinds kind, ReadOnlySpan<double> returns)
    {
        if ((request.Series & kind) == 0)
        {
            return null;
        }

        var values = new double[returns.Length];
        if (kind == MetricsSeriesKinds.Cumulative)
        {
            DrawdownAnalyzer.Cumulative(returns, values);
        }
        else
        {
            DrawdownAnalyzer.Underwater(returns, values);
        }

        return values;
    }

    public static MetricsDrawdownEpisode[] Episodes(int requested, in PreparedSeries prepared)
    {
        var count = Math.Min(requested, prepared.Returns.Length);
        if (count <= 0)
        {
            return [];
        }

        var buffer = ArrayPool<DrawdownEpisode>.Shared.Rent(count);
        try
        {
            var written = DrawdownAnalyzer.Episodes(prepared.Returns, buffer.AsSpan(0, count));
            var result = new MetricsDrawdownEpisode[written];
            var ts = prepared.Timestamps;
            for (var i = 0; i < written; i++)
            {
                var e = buffer[i];
                result[i] = new MetricsDrawdownEpisode(
                    prepared.OriginalRow(e.PeakIndex),
                    prepared.OriginalRow(e.ValleyIndex),
                    prepared.OriginalRow(e.RecoveryIndex),
                    e.Depth,
                    e.Length,
                    TimeAt(ts, e.PeakIndex),
                    TimeAt(ts, e.ValleyIndex),
                    TimeAt(ts, e.RecoveryIndex));
            }

            return result;
        }
        finally
        {
            ArrayPool<DrawdownEpisode>.Shared.Return(buffer);
        }
    }

    public static MetricsRollingSeries[] Rolling(MetricsRequest request, in PreparedSeries prepared, in MetricParameters parameters)
    {
        var metrics = request.RollingMetrics.Span;
        if (metrics.IsEmpty)
        {
            return [];
        }

        var window = request.RollingWindow;
        var result = new MetricsRollingSeries[metrics.Length];
        for (var i = 0; i < metrics.Length; i++)
        {
            var kind = metrics[i];
            var source = kind == RollingMetricKind.Beta ? prepared.PairReturns : prepared.Returns;
            var values = new double[RollingMetricKernel.OutputLength(source.Length, window)];
            if (values.Length > 0)
            {
                switch (kind)
                {
                    case RollingMetricKind.Sharpe:
                        RollingMetricKernel.Sharpe(source, window, parameters, values);
                        break;
                    case RollingMetricKind.Volatility:
                        RollingMetricKernel.Volatility(source, window, parameters, values);
                        break;
                    case RollingMetricKind.Sortino:
                        RollingMetricKernel.Sortino(source, window, parameters, values);
                        break;
                    case RollingMetricKind.MaxDrawdown:
                        RollingMetricKernel.MaxDrawdown(source, window, values);
                        break;
                    case RollingMetricKind.Beta:
                        RollingMetricKernel.Beta(source, prepared.PairBenchmark, window, values);
                        break;
                    default:
                        throw new InvalidOperationException($"rolling metric {kind} passed validation but has no kernel");
                }
            }

            result[i] = new MetricsRollingSeries(kind, window, values);
        }

        return result;
    }

    public static CalendarPeriodReturn[]? Calendar(MetricsRequest request, MetricsSeriesKinds kind, in PreparedSeries prepared)
    {
        if ((request.Series & kind) == 0)
        {
            return null;
        }

        var returns = prepared.Returns;
        var buffer = ArrayPool<CalendarPeriodReturn>.Shared.Rent(returns.Length);
        try
        {
            var destination = buffer.AsSpan(0, returns.Length);
            var written = kind == MetricsSeriesKinds.Monthly
                ? CalendarReturns.Monthly(returns, prepared.Timestamps, destination)
                : CalendarReturns.Yearly(returns, prepared.Timestamps, destination);
            return destination[..written].ToArray();
        }
        finally
        {
            ArrayPool<CalendarPeriodReturn>.Shared.Return(buffer);
        }
    }

    private static DateTime? TimeAt(ReadOnlySpan<DateTime> timestamps, int row) =>
        row < 0 || timestamps.IsEmpty ? null : DateTime.SpecifyKind(timestamps[row], DateTimeKind.Utc);
}
