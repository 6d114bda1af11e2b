namespace RiskGrpc.Server.LiveRisk;

/// <summary>Log messages of the live risk service. EventIds 300–399 are reserved for this area.</summary>
internal static partial class LiveRiskLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Error, EventName = "WorkerFaulted",
        Message = "Applying an event of portfolio {PortfolioId} failed unexpectedly; it was answered with INTERNAL and not applied")]
    public static partial void WorkerFaulted(ILogger logger, string portfolioId, Exception exception);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, EventName = "SessionOverflowed",
        Message = "Live stream {SessionId} stopped reading and filled its outbox of {Capacity}; ending it with RESOURCE_EXHAUSTED")]
    public static partial void SessionOverflowed(ILogger logger, long sessionId, int capacity);

    [LoggerMessage(EventId = 302, Level = LogLevel.Debug, EventName = "PortfolioExpired",
        Message = "Portfolio {PortfolioId} dropped after {IdleFor} without a writer, watcher or event")]
    public static partial void PortfolioExpired(ILogger logger, string portfolioId, TimeSpan idleFor);

    [LoggerMessage(EventId = 303, Level = LogLevel.Debug, EventName = "StreamEnded",
        Message = "{Rpc} stream {SessionId} ended: {Reason}")]
    public static partial void StreamEnded(ILogger logger, string rpc, long sessionId, string reason);
}
