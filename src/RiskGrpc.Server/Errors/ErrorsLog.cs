namespace RiskGrpc.Server.Errors;

/// <summary>Log messages of the error mapping. EventIds 100–199 are reserved for this area.</summary>
internal static partial class ErrorsLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Error, EventName = "UnhandledException",
        Message = "Unhandled exception in {Method}; the client receives INTERNAL")]
    public static partial void UnhandledException(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, EventName = "RequestRejected",
        Message = "{Method} rejected: {Message}")]
    public static partial void RequestRejected(ILogger logger, string method, string message);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, EventName = "CallEnded",
        Message = "{Method} ended by the client or its deadline")]
    public static partial void CallEnded(ILogger logger, string method, Exception exception);
}
