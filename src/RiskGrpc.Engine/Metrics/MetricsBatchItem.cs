namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// The outcome of one series of a batch: exactly one of <see cref="Result"/> and <see cref="Error"/> is set.
/// <see cref="Error"/> is a <see cref="MetricsValidationException"/>, a <see cref="LimitExceededException"/>, or any
/// other exception the computation threw (a bug, which the front end reports as an internal error).
/// </summary>
public readonly record struct MetricsBatchItem(int Index, MetricsResult? Result, Exception? Error);
