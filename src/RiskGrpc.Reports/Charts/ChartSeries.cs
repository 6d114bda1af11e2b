namespace RiskGrpc.Reports.Charts;

/// <summary>
/// One series of an <see cref="XyChart"/>: points (X[i], Y[i]) with X increasing (days for time axes), drawn as
/// <see cref="Style"/> in colour slot <see cref="Slot"/> (CSS classes <c>s1</c>…<c>s4</c>, themed by the page).
/// </summary>
internal sealed record ChartSeries(string Name, double[] X, double[] Y, SeriesStyle Style = SeriesStyle.Line, int Slot = 1);
