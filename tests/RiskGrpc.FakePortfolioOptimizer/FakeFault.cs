namespace RiskGrpc.FakePortfolioOptimizer;

/// <summary>A fault with its parameter.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Delay">Latency of <see cref="FakeFaultKind.Latency"/>, or the advised wait of the 429 kinds.</param>
public sealed record FakeFault(FakeFaultKind Kind, TimeSpan Delay = default)
{
    /// <summary>No fault.</summary>
    public static FakeFault None { get; } = new(FakeFaultKind.None);

    /// <summary>A fault of <paramref name="kind"/> without parameter.</summary>
    public static FakeFault Of(FakeFaultKind kind) => new(kind);
}
