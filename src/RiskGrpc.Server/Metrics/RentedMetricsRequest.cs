using System.Buffers;
using Google.Protobuf;
using Google.Protobuf.Collections;
using RiskGrpc.Contracts.V1;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Server.Metrics;

/// <summary>
/// A proto <see cref="ComputeMetricsRequest"/> copied into buffers rented from <see cref="ArrayPool{T}.Shared"/> and
/// wrapped as an engine <see cref="MetricsRequest"/>. Dispose returns the buffers; the request must not be used after.
/// Enum values the engine does not know (from newer clients) are INVALID_ARGUMENT, never silently dropped.
/// </summary>
internal struct RentedMetricsRequest : IDisposable
{
    // Timestamp's valid range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    private double[]? _returns;
    private double[]? _benchmark;
    private double[]? _confidence;
    private DateTime[]? _timestamps;
    private RollingMetricKind[]? _rolling;

    /// <summary>The engine request over the rented buffers.</summary>
    public MetricsRequest Request { get; private set; }

    /// <summary>Copies <paramref name="proto"/>; throws the engine's exceptions for limits and unknown enum values.</summary>
    public static RentedMetricsRequest Create(ComputeMetricsRequest proto, MetricsLimits limits)
    {
        // Limits first: an oversized series is rejected before anything is copied.
        limits.EnsureSeriesLength("returns", proto.Returns.Count);
        limits.EnsureSeriesLength("benchmark", proto.Benchmark.Count);
        limits.EnsureSeriesLength("timestamps", proto.Timestamps.Count);
        var rolling = proto.Rolling;
        limits.EnsureOptionCounts(proto.ConfidenceLevels.Count, rolling?.Metrics.Count ?? 0);

        var rented = default(RentedMetricsRequest);
        try
        {
            rented.Request = new MetricsRequest
            {
                Returns = Copy(proto.Returns, ref rented._returns),
                Benchmark = Copy(proto.Benchmark, ref rented._benchmark),
                ConfidenceLevels = Copy(proto.ConfidenceLevels, ref rented._confidence),
                PeriodsPerYear = proto.PeriodsPerYear,
                RiskFreeRate = proto.RiskFreeRate,
                NanPolicy = MapNanPolicy(proto.NanPolicy),
                Timestamps = CopyTimestamps(proto.Timestamps, ref rented._timestamps),
                RollingWindow = rolling is null ? 0 : (int)Math.Min(rolling.Window, int.MaxValue),
                RollingMetrics = rolling is null ? default : MapRolling(rolling.Metrics, proto.Benchmark.Count > 0, ref rented._rolling),
                DrawdownEpisodes = (int)Math.Min(proto.DrawdownEpisodes, int.MaxValue),
                Series = MapSeries(proto.Series),
            };
            return rented;
        }
        catch
        {
            rented.Dispose();
            throw;
        }
    }

    /// <summary>Returns every rented buffer.</summary>
    public void Dispose()
    {
        ReturnTo(ref _returns);
        ReturnTo(ref _benchmark);
        ReturnTo(ref _confidence);
        ReturnTo(ref _timestamps);
        ReturnTo(ref _rolling);
        Request = null!;
    }

    private static ReadOnlyMemory<double> Copy(RepeatedField<double> source, ref double[]? buffer)
    {
        if (source.Count == 0)
        {
            return default;
        }

        buffer = ArrayPool<double>.Shared.Rent(source.Count);
        UnsafeCollectionOperations.AsSpan(source).CopyTo(buffer);
        return buffer.AsMemory(0, source.Count);
    }

    private static ReadOnlyMemory<DateTime> CopyTimestamps(RepeatedField<Google.Protobuf.WellKnownTypes.Timestamp> source, ref DateTime[]? buffer)
    {
        if (source.Count == 0)
        {
            return default;
        }

        buffer = ArrayPool<DateTime>.Shared.Rent(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            var ts = source[i];
            if (ts.Nanos is < 0 or > 999_999_999 || ts.Seconds < MinSeconds || ts.Seconds > MaxSeconds)
            {
                throw new MetricsValidationException("timestamps", i, $"not a valid timestamp (seconds {ts.Seconds}, nanos {ts.Nanos})");
            }

            buffer[i] = ts.ToDateTime();
        }

        return buffer.AsMemory(0, source.Count);
    }

    private static ReadOnlyMemory<RollingMetricKind> MapRolling(RepeatedField<RollingMetric> source, bool hasBenchmark, ref RollingMetricKind[]? buffer)
    {
        if (source.Count == 0)
        {
            return default;
        }

        buffer = ArrayPool<RollingMetricKind>.Shared.Rent(source.Count);
        var count = 0;
        for (var i = 0; i < source.Count; i++)
        {
            var kind = source[i] switch
            {
                RollingMetric.Unspecified => (RollingMetricKind?)null,
                RollingMetric.Sharpe => RollingMetricKind.Sharpe,
                RollingMetric.Volatility => RollingMetricKind.Volatility,
                RollingMetric.Sortino => RollingMetricKind.Sortino,
                RollingMetric.Beta => RollingMetricKind.Beta,
                RollingMetric.MaxDrawdown => RollingMetricKind.MaxDrawdown,
                _ => throw new MetricsValidationException("rolling.metrics", i, $"unknown rolling metric {(int)source[i]}"),
            };

            // Checked here too so the index names the proto element even when UNSPECIFIED entries were skipped.
            if (kind == RollingMetricKind.Beta && !hasBenchmark)
            {
                throw new MetricsValidationException("rolling.metrics", i, "rolling beta needs a benchmark");
            }

            if (kind is { } k)
            {
                buffer[count++] = k;
            }
        }

        return buffer.AsMemory(0, count);
    }

    private static MetricsNanPolicy MapNanPolicy(NanPolicy policy) => policy switch
    {
        NanPolicy.Unspecified or NanPolicy.Reject => MetricsNanPolicy.Reject,
        NanPolicy.Skip => MetricsNanPolicy.Skip,
        NanPolicy.Zero => MetricsNanPolicy.Zero,
        _ => throw new MetricsValidationException("nan_policy", $"unknown value {(int)policy}"),
    };

    private static MetricsSeriesKinds MapSeries(RepeatedField<SeriesKind> series)
    {
        var kinds = MetricsSeriesKinds.None;
        for (var i = 0; i < series.Count; i++)
        {
            kinds |= series[i] switch
            {
                SeriesKind.Unspecified => MetricsSeriesKinds.None,
                SeriesKind.Cumulative => MetricsSeriesKinds.Cumulative,
                SeriesKind.Underwater => MetricsSeriesKinds.Underwater,
                SeriesKind.Monthly => MetricsSeriesKinds.Monthly,
                SeriesKind.Yearly => MetricsSeriesKinds.Yearly,
                _ => throw new MetricsValidationException("series", i, $"unknown series kind {(int)series[i]}"),
            };
        }

        return kinds;
    }

    private static void ReturnTo<T>(ref T[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<T>.Shared.Return(buffer);
            buffer = null;
        }
    }
}
