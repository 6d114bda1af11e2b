namespace RiskGrpc.Reports.Charts;

/// <summary>The plot rectangle inside a chart of a given size (margins leave room for the axes' labels).</summary>
internal readonly record struct ChartLayout(double Left, double Top, double Right, double Bottom)
{
    /// <summary>The standard layout for a <paramref name="width"/> × <paramref name="height"/> chart.</summary>
    public static ChartLayout For(int width, int height) => new(58, 22, width - 12, height - 24);

    /// <summary>Plot width.</summary>
    public double PlotWidth => Right - Left;

    /// <summary>Plot height.</summary>
    public double PlotHeight => Bottom - Top;
}
