using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RiskGrpc.Security;

namespace RiskGrpc.Server.Security;

/// <summary>
/// Authenticates <c>authorization: Bearer KEY</c> or <c>x-api-key: KEY</c> (gRPC metadata or HTTP headers) against the
/// configured salted hashes. Every configured hash is checked, each in constant time, so timing reveals neither the key
/// nor which entry matched. The key never reaches a log, an exception or a claim.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ConfiguredApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request.Headers);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        ConfiguredApiKey? match = null;
        foreach (var key in keys.Keys)
        {
            if (key.Hash.Matches(presented) && match is null)
            {
                match = key;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("the API key is not valid"));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name) };
        claims.AddRange(match.Scopes.Select(s => new Claim("scope", s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private static string? Presented(IHeaderDictionary headers)
    {
        if (headers.TryGetValue("x-api-key", out var apiKey) && apiKey.Count == 1 && !string.IsNullOrEmpty(apiKey[0]))
        {
            return apiKey[0];
        }

        if (headers.Authorization is { Count: 1 } authorization
            && authorization[0] is { } value
            && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && value.Length > 7)
        {
            return value[7..].Trim();
        }

        return null;
    }
}
