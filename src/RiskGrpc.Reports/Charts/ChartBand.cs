namespace RiskGrpc.Reports.Charts;

/// <summary>A filled band between <see cref="Lower"/> and <see cref="Upper"/> over <see cref="X"/> (a fan chart's quantile range).</summary>
internal sealed record ChartBand(string Name, double[] X, double[] Lower, double[] Upper, int Slot);
