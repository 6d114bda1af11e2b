using Grpc.Core;

namespace RiskGrpc.LoadClient.Measurement;

/// <summary>gRPC status names spelled as ghz (Go's <c>codes.Code.String()</c>) spells them, so reports compare key for key.</summary>
internal static class StatusNames
{
    /// <summary>The ghz name of <paramref name="status"/>; C#'s <c>Cancelled</c> becomes Go's <c>Canceled</c>.</summary>
    public static string Of(StatusCode status) => status switch
    {
        StatusCode.Cancelled => "Canceled",
        _ when Enum.IsDefined(status) => status.ToString(),
        _ => "Code(" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
    };
}
