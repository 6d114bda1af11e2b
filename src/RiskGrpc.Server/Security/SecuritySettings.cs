namespace RiskGrpc.Server.Security;

/// <summary>Whether authentication is on, and whether reflection is served without a key.</summary>
internal sealed record SecuritySettings(bool Enabled, bool AllowAnonymousReflection);
