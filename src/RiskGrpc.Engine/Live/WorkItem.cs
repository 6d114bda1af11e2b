namespace RiskGrpc.Engine.Live;

/// <summary>A partition queue entry; a struct so queuing an event allocates nothing.</summary>
internal readonly struct WorkItem
{
    public WorkItemKind Kind { get; init; }

    public LiveSession? Session { get; init; }

    public LiveEvent Event { get; init; }

    public PortfolioState? Target { get; init; }
}
