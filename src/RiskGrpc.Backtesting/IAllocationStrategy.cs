namespace RiskGrpc.Backtesting;

/// <summary>A named allocation rule a backtest can run.</summary>
public interface IAllocationStrategy
{
    /// <summary>The strategy's name in results (e.g. <c>max-sharpe</c>).</summary>
    string Name { get; }

    /// <summary>A fresh allocator for one run (stateful allocators keep their state there).</summary>
    IAllocator CreateAllocator();
}
