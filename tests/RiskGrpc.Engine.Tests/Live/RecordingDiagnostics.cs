using System.Collections.Concurrent;
using RiskGrpc.Engine.Live;

namespace RiskGrpc.Engine.Tests.Live;

/// <summary>Records what the engine reports; tests assert no worker fault happened.</summary>
internal sealed class RecordingDiagnostics : ILiveRiskDiagnostics
{
    public ConcurrentQueue<Exception> Faults { get; } = new();

    public ConcurrentQueue<long> Overflows { get; } = new();

    public ConcurrentQueue<string> Expired { get; } = new();

    public void WorkerFaulted(string portfolioId, Exception exception) => Faults.Enqueue(exception);

    public void SessionOverflowed(long sessionId, int capacity) => Overflows.Enqueue(sessionId);

    public void PortfolioExpired(string portfolioId, TimeSpan idleFor) => Expired.Enqueue(portfolioId);
}
