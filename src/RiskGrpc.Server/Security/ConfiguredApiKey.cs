using RiskGrpc.Security;

namespace RiskGrpc.Server.Security;

/// <summary>A configured key ready to check: its holder, parsed hash and scopes.</summary>
internal sealed record ConfiguredApiKey(string Name, ApiKeyHash Hash, IReadOnlySet<string> Scopes);
