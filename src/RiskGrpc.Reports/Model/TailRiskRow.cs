namespace RiskGrpc.Reports.Model;

/// <summary>VaR/CVaR of one side at one confidence level, catalogue names as keys.</summary>
public sealed record TailRiskRow(double Confidence, IReadOnlyDictionary<string, double> Strategy, IReadOnlyDictionary<string, double>? Benchmark);
