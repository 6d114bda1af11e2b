namespace RiskGrpc.Engine.Metrics;

/// <summary>What validation learned about a request's data, so the engine does not scan it again.</summary>
internal readonly record struct ValidatedShape(int ReturnsNaNCount, int BenchmarkNaNCount);
