namespace RiskGrpc.Server.Security;

/// <summary>The <c>RiskGrpc:Auth</c> section.</summary>
public sealed class AuthOptions
{
    /// <summary>The section name.</summary>
    public const string SectionName = "RiskGrpc:Auth";

    /// <summary>On or off; unset means on exactly when an endpoint binds a non-loopback address.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The accepted keys.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>Serve gRPC reflection without a key (default false: reflection needs any valid key when auth is on).</summary>
    public bool AllowAnonymousReflection { get; set; }
}
