using Microsoft.AspNetCore.Authorization;

namespace RiskGrpc.Server.Security;

/// <summary>The caller holds the scope the endpoint's RPC needs (<see cref="RpcScopes"/>).</summary>
internal sealed class RpcScopeRequirement : AuthorizationHandler<RpcScopeRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RpcScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };
        var scope = RpcScopes.For(endpoint);
        if (scope is null || context.User.HasClaim("scope", scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
