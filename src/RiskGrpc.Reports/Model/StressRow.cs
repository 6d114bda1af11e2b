namespace RiskGrpc.Reports.Model;

/// <summary>A named historical window overlapping the data: the strategy's and benchmark's total return and max drawdown inside it.</summary>
public sealed record StressRow(string Name, DateTime Start, DateTime End, int Observations, double Strategy, double? Benchmark, double StrategyMaxDrawdown, double? BenchmarkMaxDrawdown);
