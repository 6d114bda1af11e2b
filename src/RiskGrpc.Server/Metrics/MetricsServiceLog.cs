namespace RiskGrpc.Server.Metrics;

/// <summary>Log messages of the metrics service. EventIds 200–299 are reserved for this area.</summary>
internal static partial class MetricsServiceLog
{
    [LoggerMessage(EventId = 200, Level = LogLevel.Error, EventName = "ItemFailed",
        Message = "{Rpc} item {Item} failed unexpectedly; it is answered with INTERNAL")]
    public static partial void ItemFailed(ILogger logger, string rpc, string item, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, EventName = "StreamCompleted",
        Message = "StreamMetrics completed after {Count} requests")]
    public static partial void StreamCompleted(ILogger logger, long count);

    [LoggerMessage(EventId = 202, Level = LogLevel.Debug, EventName = "StreamWriteAbandoned",
        Message = "StreamMetrics answer {RequestId} was not written: the call ended first")]
    public static partial void StreamWriteAbandoned(ILogger logger, string requestId);
}
