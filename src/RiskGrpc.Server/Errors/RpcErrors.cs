using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using RiskGrpc.Engine.Metrics;

namespace RiskGrpc.Server.Errors;

/// <summary>
/// The error model in one place: <see cref="MetricsValidationException"/> → INVALID_ARGUMENT with a
/// <see cref="BadRequest"/> field violation (<c>returns[17]</c>), <see cref="LimitExceededException"/> →
/// RESOURCE_EXHAUSTED with a <see cref="QuotaFailure"/>, anything else → a bare INTERNAL that reveals nothing.
/// </summary>
internal static class RpcErrors
{
    /// <summary>The message an INTERNAL status carries; details stay in the server log.</summary>
    public const string InternalMessage = "internal server error (logged on the server)";

    /// <summary>True for the exceptions that describe a bad or oversized request rather than a server fault.</summary>
    public static bool IsClientError(Exception exception) => exception is MetricsValidationException or LimitExceededException;

    /// <summary>
    /// The google.rpc.Status for a client error. <paramref name="fieldPrefix"/> makes the field path absolute within the
    /// RPC's request message (e.g. <c>requests[3].</c> in a batch, <c>request.</c> on the stream).
    /// </summary>
    public static Google.Rpc.Status ToStatus(Exception exception, string fieldPrefix)
    {
        switch (exception)
        {
            case MetricsValidationException validation:
                var field = fieldPrefix + validation.FieldPath;
                var badRequest = new BadRequest
                {
                    FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = validation.Description } },
                };
                return new Google.Rpc.Status
                {
                    Code = (int)Code.InvalidArgument,
                    Message = field + ": " + validation.Description,
                    Details = { Any.Pack(badRequest) },
                };
            case LimitExceededException limit:
                var quota = new QuotaFailure
                {
                    Violations = { new QuotaFailure.Types.Violation { Subject = limit.Limit, Description = limit.Message } },
                };
                return new Google.Rpc.Status
                {
                    Code = (int)Code.ResourceExhausted,
                    Message = limit.Message,
                    Details = { Any.Pack(quota) },
                };
            default:
                return Internal();
        }
    }

    /// <summary>A bare INTERNAL status.</summary>
    public static Google.Rpc.Status Internal() => new() { Code = (int)Code.Internal, Message = InternalMessage };
}
