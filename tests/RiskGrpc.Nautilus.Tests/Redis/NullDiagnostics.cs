using RiskGrpc.Engine.Live;

namespace RiskGrpc.Nautilus.Tests.Redis;

/// <summary>Fails the test on an engine worker fault; ignores the rest.</summary>
internal sealed class NullDiagnostics : ILiveRiskDiagnostics
{
    public void WorkerFaulted(string portfolioId, Exception exception) => throw new InvalidOperationException($"worker faulted on {portfolioId}", exception);

    public void SessionOverflowed(long sessionId, int capacity)
    {
    }

    public void PortfolioExpired(string portfolioId, TimeSpan idleFor)
    {
    }
}
