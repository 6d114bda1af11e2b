namespace RiskGrpc.Reports.Charts;

/// <summary>How an <see cref="XyChart"/> draws a series.</summary>
internal enum SeriesStyle
{
    /// <summary>A polyline.</summary>
    Line,

    /// <summary>A polyline filled down to y = 0.</summary>
    Area,

    /// <summary>A thin vertical bar from 0 per point.</summary>
    Bars,
}
