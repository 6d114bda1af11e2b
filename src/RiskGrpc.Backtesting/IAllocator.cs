namespace RiskGrpc.Backtesting;

/// <summary>The allocator of one strategy in one backtest run.</summary>
public interface IAllocator
{
    /// <summary>True when <see cref="Allocate"/> may run for several dates at once, in any order (stateless allocators).</summary>
    bool ConcurrentDates { get; }

    /// <summary>The weights at the context's date; throws to fail the strategy.</summary>
    AllocationDecision Allocate(AllocationContext context);
}
