namespace RiskGrpc.Backtesting;

/// <summary>An allocator's answer: one weight per universe asset (in <see cref="AllocationContext.Assets"/> order) and an optional note.</summary>
public sealed record AllocationDecision(double[] Weights, string? Note = null);
