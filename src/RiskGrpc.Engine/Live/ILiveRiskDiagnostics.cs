namespace RiskGrpc.Engine.Live;

/// <summary>
/// What the engine reports besides its counters; the server logs these (the engine takes no logging
/// dependency). Implementations must be thread-safe and must not throw.
/// </summary>
public interface ILiveRiskDiagnostics
{
    /// <summary>Applying an event threw: a bug. The event was answered with an INTERNAL error.</summary>
    void WorkerFaulted(string portfolioId, Exception exception);

    /// <summary>A stream's outbox overflowed because its client stopped reading; the stream is being ended.</summary>
    void SessionOverflowed(long sessionId, int capacity);

    /// <summary>An idle portfolio's state was dropped.</summary>
    void PortfolioExpired(string portfolioId, TimeSpan idleFor);
}
