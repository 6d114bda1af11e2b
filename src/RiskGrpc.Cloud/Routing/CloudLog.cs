using Microsoft.Extensions.Logging;

namespace RiskGrpc.Cloud;

/// <summary>Log messages of the hybrid optimizer (EventIds 4100-4199). No message ever carries a header or the key.</summary>
internal static partial class CloudLog
{
    /// <remarks>The level varies: routine reasons (circuit open, not supported) log at Debug so an outage does not flood the log.</remarks>
    [LoggerMessage(EventId = 4100, Message = "Cloud not used ({Reason}): {Detail}; answering locally")]
    public static partial void FellBack(ILogger logger, LogLevel level, string reason, string detail);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Cloud endpoint not found (HTTP 404/405): contract drift, check RiskGrpc:Cloud:Paths. {Detail}")]
    public static partial void ContractDrift(ILogger logger, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Cloud refused the API key (HTTP 401/403): check PORTFOLIO_OPTIMIZER_API_KEY or RiskGrpc:Cloud:ApiKey")]
    public static partial void Unauthorized(ILogger logger);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Cross-check: cloud and local weights differ by {Difference} (tolerance {Tolerance}) for {Endpoint}")]
    public static partial void Diverged(ILogger logger, double difference, double tolerance, CloudEndpoint endpoint);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Cross-check: the local engine could not solve the request the cloud answered: {Detail}")]
    public static partial void CrossCheckFailed(ILogger logger, string detail);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Cloud-only call failed ({Reason}): {Detail}")]
    public static partial void CloudOnlyFailed(ILogger logger, string reason, string detail);
}
