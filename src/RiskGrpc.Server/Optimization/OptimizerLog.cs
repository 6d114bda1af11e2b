using RiskGrpc.Optimization;

namespace RiskGrpc.Server.Optimization;

/// <summary>Log messages of the optimizer service (EventIds 4000-4099).</summary>
internal static partial class OptimizerLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Optimization request rejected ({Kind}): {Reason}")]
    public static partial void Rejected(ILogger logger, OptimizationErrorKind kind, string reason);
}
