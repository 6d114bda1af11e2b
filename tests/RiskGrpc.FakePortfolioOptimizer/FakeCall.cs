using System.Text.Json.Nodes;

namespace RiskGrpc.FakePortfolioOptimizer;

/// <summary>One request the fake received.</summary>
/// <param name="Path">Request path (after the <c>/v1/</c> prefix).</param>
/// <param name="ApiKey">The <c>X-API-Key</c> header, if sent.</param>
/// <param name="Body">The parsed JSON body (null when not JSON).</param>
/// <param name="Scale">Covariance scale relative to the matched documented example (1 for the example itself; NaN when unmatched).</param>
/// <param name="Attempt">How many times this exact body has been received, this one included.</param>
public sealed record FakeCall(string Path, string? ApiKey, JsonNode? Body, double Scale, int Attempt);
