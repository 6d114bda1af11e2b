using System.Numerics;

namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// Checks a <see cref="MetricsRequest"/> against the contract and the limits; throws
/// <see cref="MetricsValidationException"/> naming the proto field and index of the first problem, or
/// <see cref="LimitExceededException"/>. Limits are checked first so oversized input costs no scan.
/// </summary>
internal static class MetricsRequestValidator
{
    public static ValidatedShape Validate(MetricsRequest request, MetricsLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        limits.EnsureSeriesLength("returns", request.Returns.Length);
        limits.EnsureSeriesLength("benchmark", request.Benchmark.Length);
        limits.EnsureSeriesLength("timestamps", request.Timestamps.Length);
        limits.EnsureOptionCounts(request.ConfidenceLevels.Length, request.RollingMetrics.Length);

        var n = request.Returns.Length;
        if (n == 0)
        {
            throw new MetricsValidationException("returns", "must not be empty");
        }

        ValidateParameters(request);
        var returnsNaN = CheckSeries("returns", request.Returns.Span, request.NanPolicy);
        var benchmarkNaN = 0;
        if (request.HasBenchmark)
        {
            if (request.Benchmark.Length != n)
            {
                throw new MetricsValidationException("benchmark", $"has {request.Benchmark.Length} rows but returns has {n}");
            }

            benchmarkNaN = CheckSeries("benchmark", request.Benchmark.Span, request.NanPolicy);
        }

        if (request.NanPolicy == MetricsNanPolicy.Skip && returnsNaN == n)
        {
            throw new MetricsValidationException("returns", "no values remain after nan_policy SKIP (every row is NaN)");
        }

        ValidateConfidence(request.ConfidenceLevels.Span);
        ValidateTimestamps(request, n);
        ValidateRolling(request);
        if (request.DrawdownEpisodes < 0)
        {
            throw new MetricsValidationException("drawdown_episodes", $"must be ≥ 0, got {request.DrawdownEpisodes}");
        }

        return new ValidatedShape(returnsNaN, benchmarkNaN);
    }

    private static void ValidateParameters(MetricsRequest request)
    {
        var a = request.PeriodsPerYear;
        if (!double.IsFinite(a) || a < 0)
        {
            throw new MetricsValidationException("periods_per_year", $"must be finite and > 0 (0 means 252), got {a}");
        }

        var rf = request.RiskFreeRate;
        if (!double.IsFinite(rf) || rf <= -1)
        {
            throw new MetricsValidationException("risk_free_rate", $"must be finite and > -1, got {rf}");
        }

        if (!Enum.IsDefined(request.NanPolicy))
        {
            throw new MetricsValidationException("nan_policy", $"unknown value {(int)request.NanPolicy}");
        }

        const MetricsSeriesKinds all = MetricsSeriesKinds.Cumulative | MetricsSeriesKinds.Underwater | MetricsSeriesKinds.Monthly | MetricsSeriesKinds.Yearly;
        if ((request.Series & ~all) != 0)
        {
            throw new MetricsValidationException("series", $"unknown series flags {(int)(request.Series & ~all)}");
        }
    }

    /// <summary>Rejects ±Infinity always and NaN under REJECT; returns the NaN count otherwise.</summary>
    private static int CheckSeries(string field, ReadOnlySpan<double> values, MetricsNanPolicy policy)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            // x − x is 0 for every finite x and NaN for NaN and ±Infinity: an all-zero vector means a clean block.
            var last = values.Length - Vector<double>.Count;
            for (; i <= last; i += Vector<double>.Count)
            {
                var v = new Vector<double>(values[i..]);
                if (!Vector.EqualsAll(v - v, Vector<double>.Zero))
                {
                    break;
                }
            }

            if (i > last)
            {
                i = values.Length;
            }
        }

        var nanCount = 0;
        for (; i < values.Length; i++)
        {
            var x = values[i];
            if (double.IsFinite(x))
            {
                continue;
            }

            if (double.IsInfinity(x))
            {
                throw new MetricsValidationException(field, i, $"{(x > 0 ? "+Infinity" : "-Infinity")} is not a valid return");
            }

            if (policy == MetricsNanPolicy.Reject)
            {
                throw new MetricsValidationException(field, i, "NaN under nan_policy REJECT (use SKIP or ZERO to accept missing values)");
            }

            nanCount++;
        }

        return nanCount;
    }

    private static void ValidateConfidence(ReadOnlySpan<double> levels)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            var c = levels[i];
            if (!(c > 0 && c < 1))
            {
                throw new MetricsValidationException("confidence_levels", i, $"must be in (0, 1), got {c}");
            }
        }
    }

    private static void ValidateTimestamps(MetricsRequest request, int n)
    {
        var ts = request.Timestamps.Span;
        if (ts.IsEmpty)
        {
            if ((request.Series & (MetricsSeriesKinds.Monthly | MetricsSeriesKinds.Yearly)) != 0)
            {
                throw new MetricsValidationException("timestamps", "required for monthly and yearly series");
            }

            return;
        }

        if (ts.Length != n)
        {
            throw new MetricsValidationException("timestamps", $"has {ts.Length} rows but returns has {n}");
        }

        for (var i = 0; i < ts.Length; i++)
        {
            if (ts[i].Kind == DateTimeKind.Local)
            {
                throw new MetricsValidationException("timestamps", i, "must be UTC, got a local time");
            }

            if (i > 0 && ts[i] < ts[i - 1])
            {
                throw new MetricsValidationException("timestamps", i, $"{ts[i]:O} is earlier than the previous row {ts[i - 1]:O} (must be non-decreasing)");
            }
        }
    }

    private static void ValidateRolling(MetricsRequest request)
    {
        var metrics = request.RollingMetrics.Span;
        if (metrics.IsEmpty)
        {
            return;
        }

        if (request.RollingWindow < 2)
        {
            throw new MetricsValidationException("rolling.window", $"must be ≥ 2 when rolling metrics are requested, got {request.RollingWindow}");
        }

        for (var i = 0; i < metrics.Length; i++)
        {
            if (!Enum.IsDefined(metrics[i]))
            {
                throw new MetricsValidationException("rolling.metrics", i, $"unknown rolling metric {(int)metrics[i]}");
            }

            if (metrics[i] == RollingMetricKind.Beta && !request.HasBenchmark)
            {
                throw new MetricsValidationException("rolling.metrics", i, "rolling beta needs a benchmark");
            }
        }
    }
}
