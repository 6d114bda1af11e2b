using RiskGrpc.Engine.Live;

namespace RiskGrpc.Server.LiveRisk;

/// <summary>
/// Turns what the engine reports into log entries (the engine has no logging dependency), and frees an expired
/// portfolio's place in its writer's quota.
/// </summary>
internal sealed class LiveRiskDiagnostics(ILogger<LiveRiskDiagnostics> logger, IServiceProvider services) : ILiveRiskDiagnostics
{
    public void WorkerFaulted(string portfolioId, Exception exception) => LiveRiskLog.WorkerFaulted(logger, portfolioId, exception);

    public void SessionOverflowed(long sessionId, int capacity) => LiveRiskLog.SessionOverflowed(logger, sessionId, capacity);

    public void PortfolioExpired(string portfolioId, TimeSpan idleFor)
    {
        LiveRiskLog.PortfolioExpired(logger, portfolioId, idleFor);
        services.GetService<Protection.LivePortfolioQuota>()?.Release(portfolioId);
    }
}
