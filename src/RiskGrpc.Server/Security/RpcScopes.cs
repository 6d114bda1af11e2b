using Grpc.AspNetCore.Server;

namespace RiskGrpc.Server.Security;

/// <summary>The scope each RPC needs, from the gRPC method behind an endpoint (its REST routes included).</summary>
public static class RpcScopes
{
    /// <summary>Every scope a key can hold.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "metrics", "optimize", "live:write", "live:read", "reports" };

    /// <summary>
    /// The scope of <c>service/method</c>: MetricsService → metrics; OptimizerService and BacktestService → optimize;
    /// LiveRiskService Connect → live:write, Watch → live:read; ReportService → reports; any other RiskGrpc RPC needs
    /// only a valid key (null).
    /// </summary>
    public static string? For(string service, string method) => service switch
    {
        "riskgrpc.v1.MetricsService" => "metrics",
        "riskgrpc.v1.OptimizerService" or "riskgrpc.v1.BacktestService" => "optimize",
        "riskgrpc.v1.LiveRiskService" => method == "Watch" ? "live:read" : "live:write",
        "riskgrpc.v1.ReportService" => "reports",
        _ => null,
    };

    /// <summary>The scope of the endpoint's gRPC method, or null when it has none.</summary>
    public static string? For(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } grpc ? For(grpc.Method.ServiceName, grpc.Method.Name) : null;
}
