namespace RiskGrpc.Reports.Charts;

/// <summary>A horizontal dashed line at <see cref="Y"/> (a mean), labelled in the legend, in colour slot <see cref="Slot"/>.</summary>
internal readonly record struct ReferenceLine(double Y, string Label, int Slot);
