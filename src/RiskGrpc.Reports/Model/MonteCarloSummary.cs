namespace RiskGrpc.Reports.Model;

/// <summary>
/// Bootstrap of the strategy's returns: <see cref="Paths"/> paths of <see cref="Horizon"/> periods drawn with
/// replacement (seeded), terminal cumulative return quantiles (5/25/50/75/95 %) and the share of paths ending below 0
/// or beyond the historical max drawdown at any point.
/// </summary>
public sealed record MonteCarloSummary(int Paths, int Horizon, int Seed, double P05, double P25, double P50, double P75, double P95, double ProbabilityOfLoss, double ProbabilityOfWorseDrawdown);
