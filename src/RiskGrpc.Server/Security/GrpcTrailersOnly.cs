using System.Globalization;

namespace RiskGrpc.Server.Security;

/// <summary>Writes a gRPC "trailers-only" response (HTTP 200, status in the headers) from middleware.</summary>
internal static class GrpcTrailersOnly
{
    public static void Write(HttpContext context, int status, string message, IReadOnlyDictionary<string, string>? extraHeaders = null)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
    }
}
