using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace RiskGrpc.Server.Security;

/// <summary>
/// Answers refused gRPC calls with a proper trailers-only gRPC status — UNAUTHENTICATED without a valid key,
/// PERMISSION_DENIED without the scope — instead of a bare HTTP 401/403; REST requests keep 401/403.
/// </summary>
internal sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        var denied = authorizeResult.Forbidden;
        var scope = RpcScopes.For(context.GetEndpoint());
        GrpcTrailersOnly.Write(
            context,
            denied ? 7 : 16,
            denied ? $"the API key lacks the scope '{scope}'" : "a valid API key is required (authorization: Bearer KEY or x-api-key)");
        return Task.CompletedTask;
    }
}
