namespace RiskGrpc.Engine.Metrics;

/// <summary>
/// One drawdown episode of a <see cref="MetricsResult"/>. Indices are rows of the request (under NaN policy SKIP,
/// dropped rows are mapped back, so an index always points at the caller's row); −1 means none (peak: underwater
/// from the first row; recovery: not recovered). <see cref="Length"/> counts the rows used from peak to recovery
/// (or to the last row). Times are set when the request carried timestamps and the index is not −1.
/// </summary>
public readonly record struct MetricsDrawdownEpisode(
    int PeakIndex,
    int ValleyIndex,
    int RecoveryIndex,
    double Depth,
    int Length,
    DateTime? PeakTime,
    DateTime? ValleyTime,
    DateTime? RecoveryTime);
