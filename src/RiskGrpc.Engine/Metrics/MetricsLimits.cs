namespace RiskGrpc.Engine.Metrics;

/// <summary>Size limits the engine enforces before doing any work (bound from configuration <c>RiskGrpc:Limits</c>).</summary>
public sealed class MetricsLimits
{
    /// <summary>Largest number of rows in one series (returns, benchmark, timestamps). Default 1,000,000.</summary>
    public int MaxSeriesLength { get; set; } = 1_000_000;

    /// <summary>Largest number of series in one batch. Default 10,000.</summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Largest number of confidence levels in one request. Default 64.</summary>
    public int MaxConfidenceLevels { get; set; } = 64;

    /// <summary>Largest number of rolling metrics in one request. Default 16.</summary>
    public int MaxRollingMetrics { get; set; } = 16;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit is not positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxSeriesLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxBatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConfidenceLevels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRollingMetrics);
    }

    /// <summary>Throws <see cref="LimitExceededException"/> when <paramref name="count"/> series exceed <see cref="MaxBatchSize"/>.</summary>
    public void EnsureBatchSize(int count)
    {
        if (count > MaxBatchSize)
        {
            throw new LimitExceededException("batch size", count, MaxBatchSize);
        }
    }

    /// <summary>Throws <see cref="LimitExceededException"/> when a series of <paramref name="length"/> rows is too long.</summary>
    public void EnsureSeriesLength(string field, int length)
    {
        if (length > MaxSeriesLength)
        {
            throw new LimitExceededException(field + " length", length, MaxSeriesLength);
        }
    }

    /// <summary>Throws <see cref="LimitExceededException"/> when a request asks for too many confidence levels or rolling metrics.</summary>
    public void EnsureOptionCounts(int confidenceLevels, int rollingMetrics)
    {
        if (confidenceLevels > MaxConfidenceLevels)
        {
            throw new LimitExceededException("confidence_levels count", confidenceLevels, MaxConfidenceLevels);
        }

        if (rollingMetrics > MaxRollingMetrics)
        {
            throw new LimitExceededException("rolling.metrics count", rollingMetrics, MaxRollingMetrics);
        }
    }
}
