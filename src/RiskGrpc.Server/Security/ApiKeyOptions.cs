namespace RiskGrpc.Server.Security;

/// <summary>One configured API key: <c>RiskGrpc:Auth:Keys:N:Name</c>, <c>…:Hash</c>, <c>…:Scopes:M</c>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key (logged and used as the rate-limit partition; never the key itself).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The output of <c>riskgrpc auth hash-key KEY</c>.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>Scopes granted: metrics, optimize, live:write, live:read, reports.</summary>
    public List<string> Scopes { get; set; } = [];
}
