using RiskGrpc.Optimization.Portfolios;

namespace RiskGrpc.Cloud;

/// <summary>A result with where it came from.</summary>
/// <param name="Result">Weights and the portfolio figures, always computed locally from the weights.</param>
/// <param name="Venue">Who computed the weights.</param>
/// <param name="FallbackReason">Why a cloud-routed call was answered locally; empty otherwise.</param>
/// <param name="CloudAttempts">HTTP attempts made (0 for local routing, cache hits and refusals before any call).</param>
public sealed record HybridOptimizationResult(OptimizationResult Result, OptimizationVenue Venue, string FallbackReason, int CloudAttempts);
