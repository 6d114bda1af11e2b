using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Cloud;

namespace RiskGrpc.Server.Optimization;

/// <summary>
/// Statuses of cloud-only calls the cloud could not answer, each with an <see cref="ErrorInfo"/> whose reason is the
/// fallback code: rate limited → RESOURCE_EXHAUSTED; not expressible, not configured or no time left →
/// FAILED_PRECONDITION; anything else (timeout, 5xx, open circuit, invalid answer, network) → UNAVAILABLE.
/// </summary>
internal static class CloudRoutingErrors
{
    /// <summary>The domain of the <see cref="ErrorInfo"/>.</summary>
    public const string Domain = "cloud.riskgrpc";

    public static RpcException From(CloudUnavailableException ex)
    {
        var code = ex.IsRateLimited ? Code.ResourceExhausted : ex.IsNotServable ? Code.FailedPrecondition : Code.Unavailable;
        return new Google.Rpc.Status
        {
            Code = (int)code,
            Message = ex.Message,
            Details =
            {
                Any.Pack(new ErrorInfo
                {
                    Reason = ex.Reason,
                    Domain = Domain,
                    Metadata = { ["cloud_attempts"] = ex.CloudAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                }),
            },
        }.ToRpcException();
    }
}
