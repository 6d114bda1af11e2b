using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RiskGrpc.Optimization;

namespace RiskGrpc.Server.Optimization;

/// <summary>
/// Maps engine failures to rich gRPC statuses: malformed input → INVALID_ARGUMENT with a <see cref="BadRequest"/> field
/// violation; infeasible or ill-posed problems → FAILED_PRECONDITION with a <see cref="PreconditionFailure"/> whose type
/// is the <see cref="OptimizationErrorKind"/>; a solver limit → DEADLINE_EXCEEDED and a solver failure → ABORTED, both with the
/// solver status in the message.
/// </summary>
internal static class OptimizerRpcErrors
{
    public static RpcException InvalidArgument(string field, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.InvalidArgument,
        Message = description,
        Details =
        {
            Any.Pack(new BadRequest
            {
                FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } },
            }),
        },
    }.ToRpcException();

    public static RpcException From(OptimizationException ex)
    {
        if (ex.Kind == OptimizationErrorKind.InvalidInput)
        {
            return InvalidArgument(FieldName(ex.Parameter), ex.Message);
        }

        var code = ex.Kind switch
        {
            OptimizationErrorKind.SolverLimitReached => Code.DeadlineExceeded,
            OptimizationErrorKind.SolverFailed => Code.Aborted,
            _ => Code.FailedPrecondition,
        };
        return new Google.Rpc.Status
        {
            Code = (int)code,
            Message = $"{ex.Kind}: {ex.Message}",
            Details =
            {
                Any.Pack(new PreconditionFailure
                {
                    Violations =
                    {
                        new PreconditionFailure.Types.Violation { Type = ex.Kind.ToString(), Subject = FieldName(ex.Parameter), Description = ex.Message },
                    },
                }),
            },
        }.ToRpcException();
    }

    /// <summary>Engine parameter names are proto field names already; a few map to their place in the request.</summary>
    private static string FieldName(string? parameter) => parameter switch
    {
        null or "" => "request",
        "covariance" => "input.moments.covariance",
        "expected_returns" => "input.moments.expected_returns",
        "returns" or "csv" => "input",
        "bounds" or "budget" or "groups" or "inequalities" or "l2_gamma" => "constraints",
        "clusters" => "cluster_count",
        "views" or "market_caps" or "tau" => "black_litterman",
        _ => parameter,
    };
}
