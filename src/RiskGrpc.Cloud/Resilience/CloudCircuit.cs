using Polly.CircuitBreaker;

namespace RiskGrpc.Cloud;

/// <summary>
/// The circuit breaker's state, shared between the resilience pipeline (which owns the breaker) and the router, which
/// checks it before building a request: with the circuit open no call serialises a body or waits for anything.
/// </summary>
public sealed class CloudCircuit
{
    /// <summary>The provider attached to the pipeline's breaker.</summary>
    public CircuitBreakerStateProvider StateProvider { get; } = new();

    /// <summary>True while the breaker rejects calls (open or isolated).</summary>
    public bool IsOpen => StateProvider.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
