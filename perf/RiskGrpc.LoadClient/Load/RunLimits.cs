namespace RiskGrpc.LoadClient.Load;

/// <summary>
/// Bounds of a closed-loop run. The run always ends: at <see cref="Duration"/> after the warm-up, or after
/// <see cref="Total"/> measured calls, whichever comes first; calls still in flight get <see cref="Grace"/> more and
/// are then cancelled (and counted as <c>Canceled</c>).
/// </summary>
/// <param name="Concurrency">Workers, each with one call in flight at a time.</param>
/// <param name="Duration">Measured time, after the warm-up.</param>
/// <param name="Warmup">Time spent calling before measuring; those calls are not recorded.</param>
/// <param name="Total">Measured calls to issue; 0 means no count limit.</param>
/// <param name="Grace">How long in-flight calls may run past the end before they are cancelled.</param>
internal sealed record RunLimits(int Concurrency, TimeSpan Duration, TimeSpan Warmup, long Total, TimeSpan Grace);
