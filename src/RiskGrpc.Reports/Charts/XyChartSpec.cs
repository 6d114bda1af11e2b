namespace RiskGrpc.Reports.Charts;

/// <summary>What an <see cref="XyChart"/> draws. X is days since 0001-01-01 when <see cref="TimeAxis"/>, else row numbers.</summary>
internal sealed class XyChartSpec
{
    /// <summary>Accessible name of the chart.</summary>
    public required string Title { get; init; }

    /// <summary>The series, drawn in order (later on top).</summary>
    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Shaded x intervals behind the series.</summary>
    public IReadOnlyList<ShadedSpan> Spans { get; init; } = [];

    /// <summary>Filled bands drawn behind the series (not downsampled: keep them short).</summary>
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>Horizontal reference lines.</summary>
    public IReadOnlyList<ReferenceLine> References { get; init; } = [];

    /// <summary>How y values and ticks print.</summary>
    public AxisFormat.Kind YKind { get; init; } = AxisFormat.Kind.Percent;

    /// <summary>Log y axis over 1 + y (cumulative returns as wealth); non-positive wealth points are dropped.</summary>
    public bool LogY { get; init; }

    /// <summary>X values are days (<see cref="DateTime.Ticks"/> / ticks per day); the axis gets calendar ticks.</summary>
    public bool TimeAxis { get; init; } = true;

    /// <summary>Chart width in SVG units.</summary>
    public int Width { get; init; } = 760;

    /// <summary>Chart height in SVG units.</summary>
    public int Height { get; init; } = 240;
}
